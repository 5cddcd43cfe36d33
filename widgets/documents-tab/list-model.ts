// A list field (co-borrowers, previous loans) edited row by row. The stored value is the whole list,
// saved whole on every change — in the base, or as one bank's override exactly like a scalar field
// (reset to base brings the base list back). A row added with "Add" lives only here until one of its
// cells gets a value, so an empty row never reaches a document. A cell keeps what was typed when the
// server refuses the list; the refusal shows under the list.
import { signal, type Signal } from '@preact/signals';
import type { DocumentsApi } from './api.js';
import { ApiError } from './api.js';
import { BASE, cellKey, keyOf, setIn, type Scope, type WriteOptions } from './keyed.js';

export type ListItem = Record<string, unknown>;

/** At most this many unsaved rows per list: the server takes 500 rows, a person adds a few at a time. */
const MAX_PENDING_ROWS = 20;

interface Shared {
  api: DocumentsApi;
  scope: Signal<Scope>;
  drafts: Signal<Record<string, string>>;
  /** The list's value as the current scope sees it (base, or the bank's override or inherited base). */
  shownValue: (code: string) => unknown;
  write: (o: WriteOptions) => Promise<boolean>;
}

/**
 * The cell a refusal of the list names (check-values.ts: details.code `coborrowers[1].birth_date`, rows
 * from 1), so that only that cell is marked with the message beside it; else null (the whole list).
 */
export function refusedCell(e: unknown, code: string): { row: number; item: string } | null {
  const named = e instanceof ApiError ? e.details.code : undefined;
  if (typeof named !== 'string' || !named.startsWith(`${code}[`)) return null;
  const m = /^\[(\d+)\]\.([a-z0-9_.]+)$/u.exec(named.slice(code.length));
  return m ? { row: Number(m[1]) - 1, item: m[2]! } : null;
}

export function itemsOf(v: unknown): ListItem[] {
  return Array.isArray(v) ? v.filter((x): x is ListItem => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
}

export function createListModel(s: Shared) {
  /** Unsaved rows per scope and list. */
  const pendingRows = signal<Record<string, number>>({});
  const pendingOf = (key: string) => pendingRows.value[key] ?? 0;
  const setPending = (key: string, n: number) => setIn(pendingRows, key, n > 0 ? n : null);
  const saveList = (code: string, items: ListItem[]) => {
    const sc = s.scope.value;
    return s.api.saveValues(sc === BASE ? null : sc, { [code]: items.length > 0 ? items : null });
  };
  /** Drafts of a list's cells are by row number: after a row goes, they would land on another row. */
  const dropCellDrafts = (key: string) => {
    const next = Object.fromEntries(Object.entries(s.drafts.value).filter(([k]) => !k.startsWith(`${key}\u0000`)));
    s.drafts.value = next;
  };

  return {
    pendingRows,

    /** The saved rows, then the unsaved ones (empty). */
    listRows(code: string): { saved: ListItem[]; pending: number } {
      return { saved: itemsOf(s.shownValue(code)), pending: pendingOf(keyOf(s.scope.value, code)) };
    },

    cellKey: (code: string, row: number, item: string) => cellKey(s.scope.value, code, row, item),

    typeCell(code: string, row: number, item: string, text: string): void {
      setIn(s.drafts, cellKey(s.scope.value, code, row, item), text);
    },

    addRow(code: string): void {
      const key = keyOf(s.scope.value, code);
      setPending(key, Math.min(MAX_PENDING_ROWS, pendingOf(key) + 1));
    },

    /** One cell's new value (null clears it); the list is saved whole. An unsaved row is saved once it has a value. */
    async saveCell(code: string, row: number, item: string, value: unknown, typed: string | null = null): Promise<void> {
      const key = keyOf(s.scope.value, code);
      const draftKey = cellKey(s.scope.value, code, row, item);
      const items = itemsOf(s.shownValue(code)).map((x) => ({ ...x }));
      const isNew = row >= items.length;
      if (isNew && value === null) {
        setIn(s.drafts, draftKey, null);
        return;
      }
      // An unsaved row below other unsaved ones is saved as the next row: the list has no holes.
      const at = isNew ? items.length : row;
      const cells = { ...(items[at] ?? {}) };
      if (value === null) delete cells[item];
      else cells[item] = value;
      items[at] = cells;
      const sc = s.scope.value;
      const errorKey = (e: unknown) => {
        const cell = refusedCell(e, code);
        // The server counts the saved rows; an unsaved row was saved at `at`, shown at `row`.
        return cell ? cellKey(sc, code, cell.row === at ? row : cell.row, cell.item) : key;
      };
      const ok = await s.write({ key, call: () => saveList(code, items), draftKey, typed, errorKey });
      if (ok && isNew) {
        setPending(key, pendingOf(key) - 1);
        if (at !== row) dropCellDrafts(key);
      }
    },

    async removeRow(code: string, row: number): Promise<void> {
      const key = keyOf(s.scope.value, code);
      const items = itemsOf(s.shownValue(code));
      if (row >= items.length) {
        setPending(key, pendingOf(key) - 1);
        dropCellDrafts(key);
        return;
      }
      if (
        await s.write({
          key,
          call: () =>
            saveList(
              code,
              items.filter((_, i) => i !== row),
            ),
        })
      )
        dropCellDrafts(key);
    },
  };
}
