// crm.currency.base.get — doc: api-reference/crm/currency/crm-currency-base-get.md. No parameters;
// `result` is the base currency's symbolic identifier ("USD"). Any user may call it (scope crm).
import type { MethodTable } from '../rest/registry.js';

/** The emulated portal's base currency unless a test or the demo sets another (portal.baseCurrency). */
export const DEFAULT_BASE_CURRENCY = 'USD';

export const crmCurrencyMethods: MethodTable = {
  'crm.currency.base.get': {
    scope: ['crm'],
    handler: ({ core }) => core.state.portal.baseCurrency ?? DEFAULT_BASE_CURRENCY,
  },
};
