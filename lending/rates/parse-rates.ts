// The `rates` command: ПСК, CAT or XIRR from explicit cash flows (dated, or by period for CAT tables).
import { parseIsoDate } from '../dates.js';
import { invalid } from '../errors.js';
import { formatDecimal, parseDecimal } from '../money.js';
import { asArray, asInt, asObject, join, oneOf } from '../validate.js';
import { catFromDatedFlows, catFromPeriodFlows } from './cat.js';
import { psk } from './psk.js';
import { xirr } from './xirr.js';

export interface RatesJson {
  method: 'psk' | 'cat' | 'xirr';
  /** Percent: ПСК three decimals, CAT one decimal, XIRR six. */
  percent: string;
  basePeriod?: { unit: 'month' | 'day'; count: number };
  periodsPerYear?: string;
}

export function ratesFromJson(raw: unknown): RatesJson {
  const o = asObject(raw, '');
  const method = oneOf(o.method, ['psk', 'cat', 'xirr'] as const, 'method');
  const list = asArray(o.flows, 'flows', 2000);
  if (list.length < 2) throw invalid('FLOWS_TOO_FEW', 'flows', 'At least two cash flows are needed');
  const byPeriod = list.every((f) => typeof f === 'object' && f !== null && 'period' in f);
  if (byPeriod) {
    if (method !== 'cat') throw invalid('PERIOD_FLOWS_CAT_ONLY', 'flows', 'Flows by period are for CAT; give dates for ПСК and XIRR');
    const ppy = parseDecimal(o.periodsPerYear, 'periodsPerYear');
    if (ppy.lte(0)) throw invalid('PERIODS_PER_YEAR', 'periodsPerYear', 'periodsPerYear must be positive');
    const flows = list.map((f, i) => {
      const p = asObject(f, join('flows', i));
      return {
        period: asInt(p.period, join(join('flows', i), 'period'), 0, 100_000),
        amount: parseDecimal(p.amount, join(join('flows', i), 'amount')),
      };
    });
    return { method, percent: formatDecimal(catFromPeriodFlows(flows, ppy), 1), periodsPerYear: ppy.toString() };
  }
  const flows = list.map((f, i) => {
    const p = asObject(f, join('flows', i));
    return { date: parseIsoDate(p.date, join(join('flows', i), 'date')), amount: parseDecimal(p.amount, join(join('flows', i), 'amount')) };
  });
  if (method === 'psk') {
    const monthDays = o.pskMonthDays === undefined ? 'actual' : oneOf(o.pskMonthDays, ['actual', '30', '365/12'] as const, 'pskMonthDays');
    const r = psk(flows, monthDays);
    return {
      method,
      percent: formatDecimal(r.psk, 3),
      basePeriod: r.basePeriod,
      periodsPerYear: r.periodsPerYear.toDecimalPlaces(10).toString(),
    };
  }
  if (method === 'cat') return { method, percent: formatDecimal(catFromDatedFlows(flows), 1) };
  return { method, percent: formatDecimal(xirr(flows).times(100), 6) };
}
