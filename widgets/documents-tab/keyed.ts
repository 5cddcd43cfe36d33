// Per-field state of the tab kept in one record signal each (drafts, errors): a field is keyed by its
// scope (base or a bank) and code; a list's cell by its row and item field too; a scan by its code
// alone (scans belong to the application, not to a bank).
import type { Signal } from '@preact/signals';

/** base, or a bank's id. */
export type Scope = string;
export const BASE: Scope = '';

export const keyOf = (scope: Scope, code: string): string => `${scope}\u0000${code}`;
export const cellKey = (scope: Scope, code: string, row: number, item: string): string => `${keyOf(scope, code)}\u0000${row}\u0000${item}`;
export const scanKey = (code: string): string => `scan\u0000${code}`;

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Sets (or with null removes) one key of a record signal, as a new record so that readers update. */
export function setIn<T>(s: Signal<Record<string, T>>, key: string, v: T | null): void {
  const next = { ...s.value };
  if (v === null) delete next[key];
  else next[key] = v;
  s.value = next;
}
