import type { PlacementDescriptor } from './descriptor.js';

/**
 * Calculator for a new client, reached from the deal list's row menu (seed 000): the same widget
 * without a deal; its "Create deal" button turns the result into a deal through the frame's REST.
 * The placement's ID (the row it was opened from) is ignored on purpose.
 */
export const calculatorPlacement: PlacementDescriptor = {
  placement: 'CRM_DEAL_LIST_MENU',
  widget: 'loan-tab',
  handlerPath: '/placements/calculator',
  titles: { en: 'Loan calculator', ru: 'Кредитный калькулятор', es: 'Calculadora de préstamos' },
  descriptions: {
    en: 'Calculate a loan for a new client',
    ru: 'Расчёт займа для нового клиента',
    es: 'Calcular un préstamo para un cliente nuevo',
  },
  bindsDeal: false,
};
