// Fast, proven rate roots. The equations we solve (ПСК, CAT, XIRR) have exactly one root when every
// disbursement comes no later than every payment (the sum divided by the last disbursement's discount
// factor is strictly decreasing, as later flows discount faster). Then:
//   1. Newton on a fixed-point BigInt evaluation (safeguarded by bisection, bounded) finds x̂;
//   2. x̂ gives the published figure P (e.g. ПСК to 3 decimals, half-up);
//   3. the figure is PROVEN: f is evaluated at the two edges of P's rounding interval, each with a
//      bound on its arithmetic error, and must be clearly positive at the lower edge and clearly
//      negative at the upper one, so the one root lies strictly inside and rounds to P.
// Anything else (several sign changes, no convergence, a root within 10^-8 of a rounding edge where
// the older Decimal search could round differently, a sign test inside its error bound) returns
// undefined and the caller uses the Decimal search: the published result never changes, only its cost.
import { S as FIXED_S, absBig, ceilDiv, floorDiv } from './fixed-point.js';

// A module-local copy: bundlers turn imported bindings into getters, and this is read in hot loops.
const S = FIXED_S;

/** f(x)·K and f′(x)·K for X = x·10^30 (K > 0 any fixed scale), and a bound on |v − f(x)·K|. */
export interface FixedValue {
  v: bigint;
  dv: bigint;
  err: bigint;
}
export type FixedFn = (x: bigint) => FixedValue;

/** The published figure: x × mn / md rounded half-up to `places` decimals. */
export interface Publish {
  mn: bigint;
  md: bigint;
  places: number;
}

export interface RootSpec {
  f: FixedFn;
  guess: bigint;
  /** The search interval; f must be positive left of the root and negative right of it. */
  min: bigint;
  max: bigint;
  publish: Publish;
}

const MAX_ITER = 100;
/** Newton stops when a step moves x by less than 10^-24. */
const TOL = 10n ** 6n;

export function certifiedRoot(spec: RootSpec): { x: bigint; units: bigint } | undefined {
  const x = newton(spec);
  if (x === undefined) return undefined;
  const { mn, md, places } = spec.publish;
  const p10 = 10n ** BigInt(places);
  const num = x * mn * p10;
  const den = md * S;
  // Half-up on the magnitude (away from zero), as Decimal's ROUND_HALF_UP.
  const mag = (2n * absBig(num) + den) / (2n * den);
  const units = num < 0n ? -mag : mag;
  // Edges of the rounding interval, in units of 10^-places / 2: odd numbers 2P ± 1.
  for (const edge of [2n * units - 1n, 2n * units + 1n]) {
    if (absBig(2n * num - edge * den) * 10n ** 8n <= 2n * den) return undefined; // too close to call cheaply
  }
  const lo = ceilDiv((2n * units - 1n) * md * S, 2n * p10 * mn);
  const hi = floorDiv((2n * units + 1n) * md * S, 2n * p10 * mn);
  if (lo <= spec.min || hi >= spec.max) return undefined;
  const atLo = spec.f(lo);
  if (atLo.v <= atLo.err) return undefined;
  const atHi = spec.f(hi);
  if (atHi.v >= -atHi.err) return undefined;
  return { x, units };
}

/** Safeguarded Newton inside (min, max); undefined when it does not settle within MAX_ITER steps. */
function newton(spec: RootSpec): bigint | undefined {
  let lo = spec.min;
  let hi = spec.max;
  let hiSeen = false;
  let x = spec.guess > lo && spec.guess < hi ? spec.guess : lo + (hi - lo) / 2n;
  for (let i = 0; i < MAX_ITER; i++) {
    const { v, dv } = spec.f(x);
    if (v === 0n) return x;
    if (v > 0n) lo = x;
    else {
      hi = x;
      hiSeen = true;
    }
    let next = dv === 0n ? lo - 1n : x - (v * S) / dv;
    if (next <= lo || next >= hi) {
      // Outside the bracket: bisect, or grow geometrically while no upper point is known.
      next = hiSeen ? lo + (hi - lo) / 2n : lo + absBig(lo) + S / 100n;
      if (next >= hi) next = lo + (hi - lo) / 2n;
    }
    if (absBig(next - x) < TOL) return next;
    x = next;
  }
  return undefined;
}

/** True when no payment (positive) precedes a disbursement (negative) in time: the root is unique. */
export function disbursementsFirst(flows: readonly { t: number; sign: number }[]): boolean {
  let lastNegative = -Infinity;
  let firstPositive = Infinity;
  for (const f of flows) {
    if (f.sign < 0) lastNegative = Math.max(lastNegative, f.t);
    else if (f.sign > 0) firstPositive = Math.min(firstPositive, f.t);
  }
  return lastNegative <= firstPositive;
}
