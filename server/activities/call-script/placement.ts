import type { PlacementDescriptor } from '../../../placements/descriptor.js';

/**
 * The deal-card tab where the employee works a call script (widgets/call-script). To bind it, list it in
 * placements/index.ts (placementDescriptors) and app.manifest.json "placements" — left to the placements
 * owner so the tab never points at a handler that is not served.
 */
export const callScriptPlacement: PlacementDescriptor = {
  placement: 'CRM_DEAL_DETAIL_TAB',
  widget: 'call-script',
  handlerPath: '/placements/call-script',
  titles: { en: 'Call script', ru: 'Скрипт звонка', es: 'Guion de llamada' },
  descriptions: { en: 'Work the call script during the call', ru: 'Скрипт разговора во время звонка', es: 'Guion durante la llamada' },
  bindsDeal: true,
};
