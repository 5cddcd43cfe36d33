// The ПСК equation Σ a_k / ((1 + e_k·x)(1 + x)^q_k) in fixed-point BigInt, for certifiedRoot.
// Discount factors are built by repeated multiplication (q_k never decreases in date order), e_k is
// the exact rational en/ed, and each term's truncation error is bounded (see errorOf).
import type { Dec } from '../decimal.js';
import { certifiedRoot, disbursementsFirst, type FixedFn } from './certified-root.js';
import { S as FIXED_S, absBig, commonPlaces, powFixed, scaledInt } from './fixed-point.js';

// A module-local copy: bundlers turn imported bindings into getters, and this is read in hot loops.
const S = FIXED_S;

export interface PskFixedTerm {
  amount: Dec;
  q: number;
  /** e_k = en / ed exactly (whole days over the base period's days). */
  en: number;
  ed: number;
}

/**
 * Consecutive flows of one amount a whole base period apart (the level installments) form a run:
 * its sum a·v^q0·(1 + v + … + v^(len−1)) has a closed form, so an evaluation costs O(runs), not O(flows).
 */
interface Run {
  a: bigint;
  absA: bigint;
  q0: bigint;
  len: bigint;
  en: bigint;
  ed: bigint;
}

function runsOf(terms: readonly PskFixedTerm[], places: number): Run[] {
  const runs: Run[] = [];
  for (const t of terms) {
    const a = scaledInt(t.amount, places);
    const q = BigInt(t.q);
    const prev = runs[runs.length - 1];
    if (prev && t.en === 0 && prev.en === 0n && prev.a === a && prev.q0 + prev.len === q) prev.len++;
    else runs.push({ a, absA: absBig(a), q0: q, len: 1n, en: BigInt(t.en), ed: BigInt(t.ed) });
  }
  return runs;
}

/**
 * The per-base-period rate as X = x·10^30 and the ПСК in units of 0.001 %, proven; undefined when the
 * fast path does not apply (the caller then runs the Decimal search). `percentPerX` = ЧБП × 100 as mn/md.
 */
export function pskFixedRoot(terms: readonly PskFixedTerm[], mn: bigint, md: bigint): { x: bigint; units: bigint } | undefined {
  if (!disbursementsFirst(terms.map((t, k) => ({ t: k, sign: t.amount.isZero() ? 0 : t.amount.isNegative() ? -1 : 1 })))) return undefined;
  const runs = runsOf(terms, commonPlaces(terms.map((t) => t.amount)));
  let sum = 0n;
  let positive = 0n;
  let weighted = 0n;
  for (const r of runs) {
    sum += r.a * r.len;
    if (r.a > 0n) {
      positive += r.a * r.len;
      weighted += r.a * r.len * (r.q0 + (r.len + 1n) / 2n);
    }
  }
  if (sum <= 0n) return undefined; // no positive root: let the Decimal search report it
  // Simple-interest guess: the extra paid over the money lent, spread over the payments' mean time.
  const lent = positive - sum;
  const guess = lent > 0n ? (sum * S * positive) / (lent * weighted) : S / 100n;
  return certifiedRoot({ f: pskFn(runs), guess, min: 0n, max: 10n ** 9n * S, publish: { mn, md, places: 3 } });
}

/**
 * f(x)·10^30·10^places for x ≥ 0, its derivative, and a bound on the value's error (in its last
 * unit). Error accounting, every quantity scaled by S and at most S (x ≥ 0): v1 = S²/(S+x) is low by
 * under 1; a product of two values with errors e1, e2 has error ≤ e1 + e2 + 1; so the running
 * discount v^q carries discErr ≤ 2q. A single term a·disc adds |a|·discErr + 1. A run's geometric
 * sum G = (S − v^L)·S/(S − v1) ≤ L·S is off by ≤ (2L + L)·amp + 1 with amp ≥ S/(S − v1 − 1), and the
 * run's value a·disc·G/S by ≤ |a|·(discErr·L + that) + 1.
 */
function pskFn(runs: readonly Run[]): FixedFn {
  return (x) => {
    const v1 = (S * S) / (S + x); // 1/(1+x), scaled
    const gap = S - v1;
    const closed = gap > 1n; // x too close to 0 for the closed form: sum term by term
    const amp = closed ? S / (gap - 1n) + 1n : 0n;
    let disc = S;
    let discErr = 0n;
    let q = 0n;
    let v = 0n;
    let qTerms = 0n; // Σ q_k·term_k, scaled like v
    let eSlope = 0n; // Σ term·e/(1+e·x), scaled like v
    let err = 0n;
    for (const r of runs) {
      if (q < r.q0) {
        const steps = r.q0 - q;
        disc = steps === 1n ? (disc * v1) / S : (disc * powFixed(v1, steps)) / S;
        discErr += 2n * steps + 1n;
        q = r.q0;
      }
      if (r.len > 1n && closed) {
        const vLm1 = powFixed(v1, r.len - 1n);
        const vL = (vLm1 * v1) / S;
        const g = ((S - vL) * S) / gap;
        // Σ_{j<L} j·v^j = v(1 − L·v^(L−1) + (L−1)·v^L)/(1 − v)²  (only steers Newton: no error bound needed)
        const h = (v1 * (S - r.len * vLm1 + (r.len - 1n) * vL) * S) / (gap * gap);
        v += (r.a * disc * g) / S;
        qTerms += (r.a * disc * (r.q0 * g + h)) / (S * S);
        err += r.absA * (discErr * r.len + 3n * r.len * amp + 1n) + 1n;
        disc = (disc * vLm1) / S;
        discErr += 2n * r.len + 1n;
        q = r.q0 + r.len - 1n;
        continue;
      }
      for (let j = 0n; j < r.len; j++) {
        if (j > 0n) {
          disc = (disc * v1) / S;
          discErr += 2n;
          q++;
        }
        let term: bigint;
        if (r.en === 0n) term = r.a * disc;
        else {
          const den = r.ed * S + r.en * x;
          term = (r.a * disc * r.ed * S) / den;
          eSlope += (term * r.en * S) / den;
        }
        v += term;
        qTerms += q * term;
        err += r.absA * discErr + 1n;
      }
    }
    return { v, dv: -(qTerms * v1) / S - eSlope, err };
  };
}
