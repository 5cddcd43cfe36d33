// Root finding on Decimal for rate equations: find the smallest positive root (or, when allowed, the
// root nearest zero below it) by scanning a geometric grid for a sign change, then safeguarded Newton
// (falls back to bisection). Every loop is bounded; no answer is an error, never NaN.
import { Dec, ZERO } from '../decimal.js';
import { refused } from '../errors.js';

export interface FnValue {
  v: Dec;
  dv: Dec;
}
export type RateFn = (x: Dec) => FnValue;

const MAX_SCAN = 30;
const MAX_ITER = 200;
const TOL = new Dec('1e-16');

function sign(d: Dec): number {
  return d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}

export function solveRate(f: RateFn, opts: { allowNegative: boolean; path: string }): Dec {
  const at0 = sign(f(ZERO).v);
  if (at0 === 0) return ZERO;
  let lo = ZERO;
  let x = new Dec('1e-7');
  for (let k = 0; k < MAX_SCAN; k++) {
    const fx = sign(f(x).v);
    if (fx === 0) return x;
    if (fx !== at0) return refine(f, lo, x, at0);
    lo = x;
    x = x.times(4);
  }
  if (opts.allowNegative) {
    // Payments below the money lent: the rate is negative, search (-1, 0).
    let hi = ZERO;
    let y = new Dec('-1e-7');
    for (let k = 0; k < MAX_SCAN && y.gt(-1); k++) {
      const fy = sign(f(y).v);
      if (fy === 0) return y;
      if (fy !== at0) return refine(f, y, hi, fy);
      hi = y;
      const next = y.times(4);
      y = next.lte(-1) ? y.minus(1).div(2) : next;
    }
  }
  throw refused('NO_RATE_SOLUTION', opts.path, 'The cash flows have no rate that equates them');
}

function refine(f: RateFn, a: Dec, b: Dec, signA: number): Dec {
  let lo = a;
  let hi = b;
  let x = lo.plus(hi).div(2);
  for (let i = 0; i < MAX_ITER; i++) {
    const { v, dv } = f(x);
    const s = sign(v);
    if (s === 0) return x;
    if (s === signA) lo = x;
    else hi = x;
    if (hi.minus(lo).abs().lt(TOL)) break;
    let next = dv.isZero() ? lo.plus(hi).div(2) : x.minus(v.div(dv));
    if (next.lte(Dec.min(lo, hi)) || next.gte(Dec.max(lo, hi))) next = lo.plus(hi).div(2);
    if (next.minus(x).abs().lt(TOL)) return next;
    x = next;
  }
  return lo.plus(hi).div(2);
}
