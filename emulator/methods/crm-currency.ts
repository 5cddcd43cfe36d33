// crm.currency.base.get — doc: api-reference/crm/currency/crm-currency-base-get.md. No parameters;
// `result` is the base currency's symbolic identifier ("USD"). Any user may call it (scope crm).
// crm.currency.list — doc: api-reference/crm/currency/crm-currency-list.md. `order` only; one page
// of crm_currency objects (UPPER_CASE strings, BASE "Y"/"N"); `total` is always 0. Only "a user with
// access to CRM settings" may call it; others get an empty error code with "Access denied.".
import type { MethodTable } from '../rest/registry.js';
import { errors } from '../rest/errors.js';
import type { Core } from '../core.js';

/** The emulated portal's base currency unless a test or the demo sets another (portal.baseCurrency). */
export const DEFAULT_BASE_CURRENCY = 'USD';

const NAMES: Record<string, string> = {
  USD: 'US Dollar',
  EUR: 'Euro',
  MXN: 'Mexican Peso',
  RUB: 'Russian Ruble',
  KZT: 'Tenge',
  UAH: 'Hryvnia',
  BYN: 'Belarusian Ruble',
};

function baseOf(core: Core): string {
  return core.state.portal.baseCurrency ?? DEFAULT_BASE_CURRENCY;
}

function currencyView(code: string, base: boolean, sort: number) {
  // UNVERIFIED(b24): FORMAT_STRING/separators depend on the portal language; a plain "# CODE" here.
  return {
    CURRENCY: code,
    AMOUNT_CNT: '1',
    AMOUNT: '1.0000',
    SORT: String(sort),
    BASE: base ? 'Y' : 'N',
    FULL_NAME: NAMES[code] ?? code,
    LID: 'en',
    FORMAT_STRING: `# ${code}`,
    DEC_POINT: '.',
    THOUSANDS_SEP: ' ',
    DECIMALS: '2',
    DATE_UPDATE: null,
  };
}

export const crmCurrencyMethods: MethodTable = {
  'crm.currency.base.get': {
    scope: ['crm'],
    handler: ({ core }) => baseOf(core),
  },
  'crm.currency.list': {
    scope: ['crm'],
    handler: ({ core, auth }) => {
      const user = core.state.users.find((u) => u.id === auth.userId);
      // Our emulated CRM settings access: portal administrators only.
      if (!user?.admin) throw errors.legacy('Access denied.');
      const base = baseOf(core);
      const others = (core.state.portal.currencies ?? []).filter((c) => c !== base);
      return [base, ...others].map((c, i) => currencyView(c, c === base, (i + 1) * 100));
    },
  },
};
