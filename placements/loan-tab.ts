import type { PlacementDescriptor } from './descriptor.js';

/** Tab in the deal card: the loan's calculator, schedule, payments and delinquency (issue 5). */
export const loanTabPlacement: PlacementDescriptor = {
  placement: 'CRM_DEAL_DETAIL_TAB',
  widget: 'loan-tab',
  handlerPath: '/placements/loan-tab',
  titles: { en: 'Loan', ru: 'Заём', es: 'Préstamo' },
  descriptions: { en: 'Loan schedule and payments', ru: 'График и платежи по займу', es: 'Tabla de amortización y pagos' },
  bindsDeal: true,
  carriesLoan: true,
};
