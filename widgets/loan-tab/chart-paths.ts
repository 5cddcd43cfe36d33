// Geometry of the schedule chart as three SVG path strings. A 360-row schedule drew 720 <rect>s and
// re-set every attribute on each keystroke (most of the chart's share of a recompute in Chromium);
// three strings over at most MAX_BARS buckets draw the same picture in three DOM nodes.
import type { ScheduleRow } from './lending-types.js';

export const W = 640;
export const H = 160;
const PAD = 4;
/** More bars than this are narrower than a pixel at the frame's usual width anyway. */
export const MAX_BARS = 120;

export interface ChartPaths {
  principal: string;
  interest: string;
  balance: string;
}

/**
 * Rows grouped into at most MAX_BARS consecutive buckets; a bucket's bar is the mean principal and
 * interest of its rows (so the bars keep the schedule's shape), its balance point the closing
 * balance of its last row. Numbers become JS numbers here only to place pixels.
 */
export function chartPaths(rows: readonly ScheduleRow[]): ChartPaths | null {
  const n = rows.length;
  if (n === 0) return null;
  const buckets = Math.min(n, MAX_BARS);
  const pr: number[] = [];
  const it: number[] = [];
  const bal: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let p = 0;
    let i = 0;
    for (let k = from; k < to; k++) {
      p += Number(rows[k]!.principal);
      i += Number(rows[k]!.interest);
    }
    pr.push(p / (to - from));
    it.push(i / (to - from));
    bal.push(Number(rows[to - 1]!.closing));
  }
  let maxPay = 1;
  for (let b = 0; b < buckets; b++) maxPay = Math.max(maxPay, pr[b]! + it[b]!);
  const maxBal = Math.max(Number(rows[0]!.opening), 1);
  const bw = (W - PAD * 2) / buckets;
  const w = Math.max(bw * 0.7, 0.5).toFixed(2);
  const y = (v: number, max: number): number => H - PAD - (v / max) * (H - PAD * 2);
  const base = H - PAD;
  let principal = '';
  let interest = '';
  let balance = '';
  for (let b = 0; b < buckets; b++) {
    const x = (PAD + bw * b + bw * 0.15).toFixed(2);
    const yp = y(pr[b]!, maxPay);
    const yi = y(pr[b]! + it[b]!, maxPay);
    // Each bar a closed rectangle: move, horizontal, vertical, horizontal back, close.
    principal += `M${x} ${base}V${yp.toFixed(2)}h${w}V${base}Z`;
    interest += `M${x} ${yp.toFixed(2)}V${yi.toFixed(2)}h${w}V${yp.toFixed(2)}Z`;
    balance += `${b === 0 ? 'M' : 'L'}${(PAD + bw * (b + 0.5)).toFixed(1)} ${y(bal[b]!, maxBal).toFixed(1)}`;
  }
  return { principal, interest, balance };
}
