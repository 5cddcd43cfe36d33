import type Decimal from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import { invalid } from './errors.js';

export const ROUNDING_MODES = ['half-up', 'half-even', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

// 'down'/'up' are toward/away from zero (what a lender means by "truncate"/"always round up").
const DECIMAL_MODE: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Dec.ROUND_HALF_UP,
  'half-even': Dec.ROUND_HALF_EVEN,
  down: Dec.ROUND_DOWN,
  up: Dec.ROUND_UP,
};

export function roundMoney(value: Dec, scale: number, mode: RoundingMode): Dec {
  return value.toDecimalPlaces(scale, DECIMAL_MODE[mode]);
}

/** Rounds to a multiple of `step` (0.01, 1, 10, 100 …), e.g. a level installment shown in whole roubles. */
export function roundToStep(value: Dec, step: Dec, mode: RoundingMode): Dec {
  return value.div(step).toDecimalPlaces(0, DECIMAL_MODE[mode]).times(step);
}

/** Fixed-point string with exactly `scale` decimals, never exponent notation. */
export function formatMoney(value: Dec, scale: number): string {
  // Amounts the core hands out are already at the currency's scale: rounding them would only copy.
  const s = (value.decimalPlaces() <= scale ? value : value.toDecimalPlaces(scale, Dec.ROUND_HALF_UP)).toString();
  if (scale === 0) return s;
  const dot = s.indexOf('.');
  if (dot < 0) return `${s}.${'0'.repeat(scale)}`;
  return s + '0'.repeat(scale - (s.length - dot - 1));
}

/** Plain decimal string for rates and factors (no trailing-zero padding, no exponent). */
export function formatDecimal(value: Dec, places?: number): string {
  return places === undefined ? value.toString() : formatMoney(value, places);
}

const DECIMAL_RE = /^-?(?:0|[1-9]\d{0,17})(?:\.\d{1,20})?$/;

/**
 * Parses a decimal string from input; numbers are refused too so no binary float ever reaches money.
 * Exact form only — no padding: callers store the string they passed (the server keeps the terms as
 * given and makes a Decimal of the principal), so " 100 " accepted here would fail later as a 500.
 */
export function parseDecimal(raw: unknown, path: string): Dec {
  if (typeof raw !== 'string' || !DECIMAL_RE.test(raw)) {
    throw invalid('NOT_A_DECIMAL', path, `Expected a decimal string like "1234.56" at ${path}`);
  }
  return new Dec(raw);
}

export function parseAmount(raw: unknown, path: string, opts: { positive?: boolean; scale?: number } = {}): Dec {
  const d = parseDecimal(raw, path);
  if (d.isNegative()) throw invalid('AMOUNT_NEGATIVE', path, `Amount at ${path} must not be negative`);
  if (opts.positive && d.lte(ZERO)) throw invalid('AMOUNT_NOT_POSITIVE', path, `Amount at ${path} must be positive`);
  if (opts.scale !== undefined && d.decimalPlaces() > opts.scale) {
    throw invalid('AMOUNT_SCALE', path, `Amount at ${path} has more than ${opts.scale} decimals for its currency`);
  }
  return d;
}
