import { randomBytes } from 'node:crypto';

/** 32 lowercase hex/alnum chars, the look of Bitrix24 tokens and member ids. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

export function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}

/** ISO 8601 with offset, as Bitrix24 prints dates: 2024-07-23T08:11:02+00:00. */
export function isoDate(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Case-insensitive lookup of a request parameter (`id`/`ID`, `fields`/`FIELDS`), see contract.md §2.1. */
export function param(params: Record<string, unknown>, name: string): unknown {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function toStr(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** PHP-style truthiness of Y/N, 1/0, true/false flags on the wire. */
export function isYes(v: unknown): boolean {
  return v === true || v === 1 || v === 'Y' || v === 'y' || v === '1' || v === 'true';
}

/** Next id in a named sequence of the state (same as state.nextId, here to keep imports short). */
export function nextIdOf(state: { seq: Record<string, number> }, seq: string, start = 1): number {
  const n = state.seq[seq] ?? start;
  state.seq[seq] = n + 1;
  return n;
}
