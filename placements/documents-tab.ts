import type { PlacementDescriptor } from './descriptor.js';

/**
 * Tab in the deal card: the deal's application for document packs — fields by section, base values
 * and per-bank overrides, completeness per bank, packs (issue 15, item 4). A second
 * CRM_DEAL_DETAIL_TAB beside the loan tab (doc: api-reference/widgets/crm/detail-tab.md); install
 * binds it from app.manifest.json.
 */
export const documentsTabPlacement: PlacementDescriptor = {
  placement: 'CRM_DEAL_DETAIL_TAB',
  widget: 'documents-tab',
  handlerPath: '/placements/documents-tab',
  titles: { en: 'Documents', ru: 'Документы', es: 'Documentos' },
  descriptions: {
    en: 'Application fields, banks and document packs',
    ru: 'Поля заявки, банки и пакеты документов',
    es: 'Campos de la solicitud, bancos y paquetes de documentos',
  },
  bindsDeal: true,
};
