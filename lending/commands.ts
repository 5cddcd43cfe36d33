// The four commands of the CLI and the HTTP API, JSON in → JSON out, so both surfaces give the same
// answer by construction. Errors are thrown as LendingError.
import { invalid } from './errors.js';
import { parseDecimal } from './money.js';
import { parseLoanInput } from './parse-input.js';
import { prepay, type PrepayMode } from './prepay.js';
import { ratesFromJson, type RatesJson } from './rates/parse-rates.js';
import { buildSchedule } from './schedule/build.js';
import { moneyFormatter, rowToJson, scheduleToJson, type ScheduleJson, type ScheduleRowJson } from './schedule-json.js';
import { parseServicingInput } from './servicing/parse-servicing.js';
import { service } from './servicing/service.js';
import { servicingToJson, type ServicingJson } from './servicing/servicing-json.js';
import { parseIsoDate } from './dates.js';
import { asObject, oneOf } from './validate.js';

export const LENDING_COMMANDS = ['schedule', 'servicing', 'prepay', 'rates'] as const;
export type LendingCommand = (typeof LENDING_COMMANDS)[number];

export interface PrepayJson {
  prepayment: { date: string; amount: string; interest: string; principal: string; mode: PrepayMode };
  installmentAmount: string;
  rows: ScheduleRowJson[];
  totals: { principal: string; interest: string; fees: string; vat: string; total: string };
  interestSaved: string;
}

export function scheduleFromJson(input: unknown): ScheduleJson {
  return scheduleToJson(buildSchedule(parseLoanInput(input)));
}

export function servicingFromJson(input: unknown): ServicingJson {
  const { terms } = parseServicingInput(input);
  return servicingToJson(service(terms), terms);
}

export function prepayFromJson(input: unknown): PrepayJson {
  const o = asObject(input, '');
  const terms = parseLoanInput(o.loan, 'loan');
  const p = asObject(o.prepayment, 'prepayment');
  const date = parseIsoDate(p.date, 'prepayment.date');
  const amount = parseDecimal(p.amount, 'prepayment.amount');
  if (amount.lte(0)) throw invalid('AMOUNT_NOT_POSITIVE', 'prepayment.amount', 'The prepayment must be positive');
  if (amount.decimalPlaces() > terms.scale) throw invalid('AMOUNT_SCALE', 'prepayment.amount', 'Too many decimals for the currency');
  const mode = oneOf(p.mode, ['reduce-term', 'reduce-installment'] as const, 'prepayment.mode');
  const r = prepay(buildSchedule(terms), date, amount, mode);
  const m = moneyFormatter(terms.scale);
  return {
    prepayment: { date, amount: m(r.amount), interest: m(r.interest), principal: m(r.principal), mode },
    installmentAmount: m(r.installmentAmount),
    rows: r.rows.map((row) => rowToJson(row, terms.scale, terms.vat !== undefined, m)),
    totals: {
      principal: m(r.totals.principal),
      interest: m(r.totals.interest),
      fees: m(r.totals.fees),
      vat: m(r.totals.vat),
      total: m(r.totals.installments),
    },
    interestSaved: m(r.interestSaved),
  };
}

export function runLendingCommand(command: string, input: unknown): ScheduleJson | ServicingJson | PrepayJson | RatesJson {
  switch (command as LendingCommand) {
    case 'schedule':
      return scheduleFromJson(input);
    case 'servicing':
      return servicingFromJson(input);
    case 'prepay':
      return prepayFromJson(input);
    case 'rates':
      return ratesFromJson(input);
    default:
      throw invalid('UNKNOWN_COMMAND', 'command', `Unknown command "${command}"; one of ${LENDING_COMMANDS.join(', ')}`);
  }
}
