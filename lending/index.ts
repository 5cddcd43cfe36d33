// The public face of the lending core, for the server, the CLI and the widgets (browser-safe: no I/O).
export { Dec, type Dec as Decimal } from './decimal.js';
export { LendingError, isLendingError, type LendingErrorKind } from './errors.js';
export { currencyScale, SUPPORTED_CURRENCIES } from './currency.js';
export { roundMoney, roundToStep, formatMoney, parseAmount, parseDecimal, ROUNDING_MODES, type RoundingMode } from './money.js';
export {
  numberLocaleOf,
  parseLocaleNumber,
  typedFromDecimal,
  type NumberIssueCode,
  type NumberLocale,
  type ParseNumberOptions,
  type ParsedNumber,
} from './locale-number.js';
export { addDays, addMonths, daysBetween, isLeapYear, parseIsoDate, type IsoDate } from './dates.js';
export { DAY_COUNTS, yearFraction, days360Us, days360E, type DayCount } from './day-count.js';
export type * from './types.js';
export { METHODS } from './types.js';

// Loan terms and schedules
export { parseLoanInput, MAX_INSTALLMENTS } from './parse-input.js';
export type { LoanInputJson, FeeJson, RateJson, FrequencyJson, RoundingJson } from './loan-input-json.js';
export { buildSchedule } from './schedule/build.js';
export { dueDates, buildPeriods } from './schedule/periods.js';
export { scheduleToJson, type ScheduleJson, type ScheduleRowJson, type EffectiveRatesJson } from './schedule-json.js';

// Servicing
export { service } from './servicing/service.js';
export {
  parseServicingInput,
  type ServicingInputJson,
  type PaymentJson,
  type InstallmentRowJson,
  type PenaltyJson,
} from './servicing/parse-servicing.js';
export {
  PREPAYMENT_MODES,
  PAUSE_REASONS,
  parseDelinquency,
  type PauseReason,
  type LateFeeJson,
  type DelinquencyJson,
  type PrepaymentJson,
} from './servicing/parse-conventions.js';
export { servicingToJson, type ServicingJson, type InstallmentJson, type AllocationJson } from './servicing/servicing-json.js';
export {
  ALLOCATION_ORDERS,
  ALLOCATION_ORDER_NAMES,
  parseAllocationOrder,
  type AllocationStep,
  type Bucket,
  type Component,
} from './servicing/allocation-orders.js';
export { DEFAULT_DELINQUENCY_RANGES, bucketFor } from './servicing/delinquency.js';
export type * from './servicing/types.js';

// Prepayment
export { prepay, type PrepayMode, type PrepayResult } from './prepay.js';

// Effective rates
export { psk, basePeriodOf, type PskResult, type BasePeriod } from './rates/psk.js';
export { catFromDatedFlows, catFromPeriodFlows } from './rates/cat.js';
export { xirr } from './rates/xirr.js';
export { scheduleCashFlows } from './rates/schedule-rates.js';
export { ratesFromJson, type RatesJson } from './rates/parse-rates.js';

// Regulatory profiles
export { PROFILE_IDS, resolveProfile, type ProfileRules } from './profiles.js';

// Loan products (admin settings: fixed terms and ranges)
export { outsideRange, type LoanProductJson } from './products.js';

// JSON commands shared by the CLI and the HTTP API
export {
  LENDING_COMMANDS,
  runLendingCommand,
  scheduleFromJson,
  servicingFromJson,
  prepayFromJson,
  type LendingCommand,
  type PrepayJson,
} from './commands.js';

// The servicing the tab, the loan API and the CRM sync share (one truth)
export {
  serviceLoanJson,
  loanPenaltyDailyPercent,
  loanAllocationOrder,
  type LoanServicingInputJson,
  type LoanServicingJson,
  type LoanInstallmentJson,
  type InstallmentStatusWord,
  type LoanStatusWord,
} from './servicing/loan-servicing.js';

// Amounts in words for documents (ru «… рублей 00 копеек», es «… pesos 00/100 M.N.»)
export { amountInWords, wordsCurrencies, type WordsLanguage } from './amount-words/index.js';
