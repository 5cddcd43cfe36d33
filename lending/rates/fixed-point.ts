// Fixed-point BigInt arithmetic for the rate searches: a rate x is the integer X = x × 10^30. BigInt
// products are exact and each division truncates by less than one unit (10^-30), so every evaluation
// carries a small error that can be bounded, which is what lets `certified-root.ts` prove a rounding.
import { Dec } from '../decimal.js';

export const DIGITS = 30;
export const S = 10n ** BigInt(DIGITS);

/**
 * Integer `d × 10^places`, truncated toward zero: exact when d has at most `places` decimals. Built
 * from the decimal string (the core's Decimal never uses exponent notation below 10^60).
 */
export function scaledInt(d: Dec, places: number): bigint {
  const s = d.toString();
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const digits = whole + (frac.length >= places ? frac.slice(0, places) : frac + '0'.repeat(places - frac.length));
  const n = BigInt(digits);
  return neg ? -n : n;
}

/** The rate X / 10^30 as a Decimal (exact: 30 decimals fit in the core's 40 digits for |x| < 10^10). */
export function fromFixed(x: bigint): Dec {
  return new Dec(x.toString()).div(new Dec(10).pow(DIGITS));
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n === b < 0n ? q + 1n : q;
}

/**
 * v^k for a scaled v, by squaring, each product truncated; for v ≤ S the error is at most 2k units when
 * v's own error is below one unit (the bound psk-fixed.ts counts on).
 */
export function powFixed(v: bigint, k: bigint): bigint {
  let result = S;
  let base = v;
  let e = k;
  while (e > 0n) {
    if (e & 1n) result = (result * base) / S;
    e >>= 1n;
    if (e > 0n) base = (base * base) / S;
  }
  return result;
}

export function absBig(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** Smallest number of decimal places that makes every amount an integer. */
export function commonPlaces(amounts: readonly Dec[]): number {
  let p = 0;
  for (const a of amounts) p = Math.max(p, a.decimalPlaces());
  return p;
}
