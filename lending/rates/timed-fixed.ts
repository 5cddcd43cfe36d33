// Σ a_k·(1+x)^(−n_k/u) (XIRR with days/365, CAT by days or periods) in fixed-point BigInt, for
// certifiedRoot. h = (1+x)^(−1/u) comes from one 34-digit Decimal power per evaluation; each distinct
// gap's h^gap is then a BigInt power, and the discount walks the sorted flows by multiplication.
import { Dec } from '../decimal.js';
import { certifiedRoot, disbursementsFirst, type FixedFn, type Publish } from './certified-root.js';
import { S as FIXED_S, absBig, commonPlaces, fromFixed, powFixed, scaledInt } from './fixed-point.js';

// A module-local copy: bundlers turn imported bindings into getters, and this is read in hot loops.
const S = FIXED_S;

/**
 * h = (1+x)^(−1/u) at 34 significant digits: x, 1+x, 1/u and the power each carry a relative error
 * below 10^-33 (|ln(1+x)| < 15 in the search range), so h·10^30 is off by far less than one unit —
 * the "within 2 units" the error bound assumes — at ~70 % of the cost of the core's 40 digits.
 */
const PowDec = Dec.clone({ precision: 34, rounding: Dec.ROUND_HALF_EVEN });

interface Unit {
  a: bigint;
  n: bigint;
  gap: bigint;
}

/**
 * The root x (proven to publish `publish` exactly) or undefined (caller runs the Decimal search).
 * Searched in (−0.5, 10^6): inside the range the Decimal search scans, so both find the same root.
 */
export function timedFixedRoot(unitsIn: readonly { n: number; amount: Dec }[], unitsPerYear: Dec, publish: Publish): Dec | undefined {
  const sorted = [...unitsIn].sort((p, q) => p.n - q.n);
  if (!disbursementsFirst(sorted.map((u) => ({ t: u.n, sign: u.amount.isZero() ? 0 : u.amount.isNegative() ? -1 : 1 })))) return undefined;
  const places = commonPlaces(sorted.map((u) => u.amount));
  let at = 0;
  const units: Unit[] = sorted.map((u) => {
    const gap = u.n - at;
    at = u.n;
    return { a: scaledInt(u.amount, places), n: BigInt(u.n), gap: BigInt(gap) };
  });
  let sum = 0n;
  let errWeight = BigInt(units.length);
  for (const u of units) {
    sum += u.a;
    errWeight += absBig(u.a) * (10n * u.n + 2n);
  }
  if (sum === 0n) return undefined; // the root is 0 exactly: the search returns it
  const invU = new PowDec(1).div(unitsPerYear).neg();
  const ud = 10n ** BigInt(unitsPerYear.decimalPlaces());
  const un = scaledInt(unitsPerYear, unitsPerYear.decimalPlaces());
  const found = certifiedRoot({
    f: timedFn(units, invU, un, ud, errWeight),
    guess: sum > 0n ? S / 10n : -S / 100n,
    min: -S / 2n,
    max: 10n ** 6n * S,
    publish,
  });
  return found ? fromFixed(found.x) : undefined;
}

/**
 * Value, derivative and error bound. Error: h (see PowDec) is within 2 units once scaled;
 * every product of scaled values truncates by under one unit, so a discount reached through n_k
 * unit steps (powers and the walk) is off by ≤ 5·n_k units when all values are ≤ S (x ≥ 0), and by
 * ≤ 5·n_k·disc/S units when they exceed S (x < 0: relative error ≤ 1/S per product). The bound used
 * doubles that: Σ|a_k|·(10·n_k + 2)·max(1, disc_max/S) + flows.
 */
function timedFn(units: readonly Unit[], invU: Dec, un: bigint, ud: bigint, errWeight: bigint): FixedFn {
  const scale = new PowDec(10).pow(30);
  return (x) => {
    const h = scaledInt(new PowDec(x.toString()).div(scale).plus(1).pow(invU), 30);
    const steps = new Map<bigint, bigint>();
    let disc = S;
    let v = 0n;
    let nTerms = 0n; // Σ n_k·term_k
    let discMax = S;
    for (const u of units) {
      if (u.gap > 0n) {
        let hg = steps.get(u.gap);
        if (hg === undefined) {
          hg = powFixed(h, u.gap);
          steps.set(u.gap, hg);
        }
        disc = (disc * hg) / S;
        if (disc > discMax) discMax = disc;
      }
      const term = u.a * disc;
      v += term;
      nTerms += u.n * term;
    }
    // d/dx (1+x)^(−n/u) = −(n/u)·(1+x)^(−n/u)/(1+x)
    const dv = -(nTerms * ud * S) / (un * (S + x));
    const magnitude = discMax > S ? discMax / S + 1n : 1n;
    return { v, dv, err: errWeight * magnitude };
  };
}
