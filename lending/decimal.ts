// One Decimal constructor for the whole core, separate from decimal.js's global default so no other
// module (or widget) can change our precision or rounding by configuring the shared instance.
// 40 significant digits keep rate factors like (1 + r)^360 exact far beyond a cent.
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = Decimal;

/**
 * Rate equations (ПСК, CAT, XIRR) iterate hundreds of flows dozens of times; 28 digits leave the
 * answer exact far past its 3 published decimals and make each iteration several times cheaper.
 */
export const SolveDec = Decimal.clone({ precision: 28, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/** Decimal from a trusted literal or integer (not user input: use parseAmount for that). */
export function dec(v: string | number | Decimal): Dec {
  return new Dec(v);
}

export function sum(values: readonly Dec[]): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}
