/**
 * A portal field (or any JSON value from a request) as text. Strings, numbers and booleans read as
 * String() gives them and null/undefined as '', as the `String(x ?? '')` it replaces did; a list reads
 * as its items joined with commas (String()'s way). An object reads as JSON instead of
 * "[object Object]", which no user or log line could make sense of.
 */
export function fieldText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map(fieldText).join(',');
  return JSON.stringify(v) ?? '';
}
