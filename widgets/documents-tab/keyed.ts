// Per-field state of the tab kept in one record signal each (drafts, errors): a field is keyed by its
// scope (base or a bank) and code; a list's cell by its row and item field too; a scan by its code
// alone (scans belong to the application, not to a bank).
import type { Signal } from '@preact/signals';
import type { ValuesView } from '../../wire/documents.js';

/** base, or a bank's id. */
export type Scope = string;
export const BASE: Scope = '';

export const keyOf = (scope: Scope, code: string): string => `${scope}\u0000${code}`;
export const cellKey = (scope: Scope, code: string, row: number, item: string): string => `${keyOf(scope, code)}\u0000${row}\u0000${item}`;
export const scanKey = (code: string): string => `scan\u0000${code}`;

/** One save of values: its field's key, the call, where a typed text is kept and where a refusal shows. */
export interface WriteOptions {
  key: string;
  call: () => Promise<ValuesView>;
  draftKey?: string;
  typed?: string | null;
  /** The key a refusal shows under (a list's cell the server named); absent: the field's. */
  errorKey?: (e: unknown) => string;
}

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Sets (or with null removes) one key of a record signal, as a new record so that readers update. */
export function setIn<T>(s: Signal<Record<string, T>>, key: string, v: T | null): void {
  const next = { ...s.value };
  if (v === null) delete next[key];
  else next[key] = v;
  s.value = next;
}

/** Removes the keys under `key` (a list's cells), keeping `key` itself. */
export function dropUnder<T>(s: Signal<Record<string, T>>, key: string): void {
  const prefix = `${key}\u0000`;
  if (!Object.keys(s.value).some((k) => k.startsWith(prefix))) return;
  s.value = Object.fromEntries(Object.entries(s.value).filter(([k]) => !k.startsWith(prefix)));
}
