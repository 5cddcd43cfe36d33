// Filters, ordering and pages of CRM list methods (contract.md §2.3, §7.1, §7.3).
// Prefixes: = (default), !, !=, >, >=, <, <=, @ (in), !@, % (contains), =% / %= (LIKE pattern), !%.
import { isRecord, toInt } from '../util.js';
import { Paged } from '../rest/registry.js';

export const PAGE_SIZE = 50;

const PREFIXES = ['>=', '<=', '!=', '!@', '=%', '%=', '!%', '>', '<', '@', '=', '!', '%'] as const;
type Op = (typeof PREFIXES)[number] | '';

export type Condition = { op: Op; field: string; value: unknown } | { logic: 'AND' | 'OR'; conds: Condition[] };

/**
 * Top-level keys are ANDed; a nested map (numeric key or one with `logic`) is a sub-filter, `logic: "OR"`
 * ORs its conditions (crm.item.list, contract.md §7.3).
 */
export function parseFilter(filter: unknown): Condition[] {
  if (!isRecord(filter)) return [];
  const out: Condition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.toLowerCase() === 'logic') continue;
    if (isRecord(value) && (/^\d+$/.test(key) || 'logic' in value || 'LOGIC' in value)) {
      out.push(group(value));
      continue;
    }
    const op = PREFIXES.find((p) => key.startsWith(p)) ?? '';
    out.push({ op, field: key.slice(op.length), value });
  }
  const logic = String(filter.logic ?? filter.LOGIC ?? 'AND').toUpperCase();
  return logic === 'OR' ? [{ logic: 'OR', conds: out }] : out;
}

function group(value: Record<string, unknown>): Condition {
  const logic = String(value.logic ?? value.LOGIC ?? 'AND').toUpperCase() === 'OR' ? 'OR' : 'AND';
  const { logic: _l, LOGIC: _L, ...rest } = value;
  return { logic, conds: parseFilter(rest) };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}/;

function cmp(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  const na = typeof a === 'number' ? a : typeof a === 'string' && a.trim() !== '' ? Number(a) : NaN;
  const nb = typeof b === 'number' ? b : typeof b === 'string' && b.trim() !== '' ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  const sa = String(a);
  const sb = String(b);
  if (DATE_RE.test(sa) && DATE_RE.test(sb)) return Date.parse(sa) - Date.parse(sb);
  return sa.localeCompare(sb);
}

function eq(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '' || b === false)) return true;
  if (typeof a === 'string' && typeof b === 'string' && Number.isNaN(Number(a))) return a.toLowerCase() === b.toLowerCase();
  return cmp(a, b) === 0;
}

function like(value: unknown, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('%')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(String(value ?? ''));
}

function test(actual: unknown, c: Extract<Condition, { op: Op }>): boolean {
  const list = Array.isArray(c.value) ? c.value : [c.value];
  const many = Array.isArray(actual) ? actual : [actual];
  const any = (pred: (a: unknown) => boolean) => many.some(pred);
  switch (c.op) {
    case '':
    case '=':
    case '@':
      return any((a) => list.some((v) => eq(a, v)));
    case '!':
    case '!=':
    case '!@':
      return !any((a) => list.some((v) => eq(a, v)));
    case '>':
      return any((a) => a !== null && a !== undefined && cmp(a, c.value) > 0);
    case '>=':
      return any((a) => a !== null && a !== undefined && cmp(a, c.value) >= 0);
    case '<':
      return any((a) => a !== null && a !== undefined && cmp(a, c.value) < 0);
    case '<=':
      return any((a) => a !== null && a !== undefined && cmp(a, c.value) <= 0);
    case '%':
      return any((a) =>
        String(a ?? '')
          .toLowerCase()
          .includes(String(c.value).toLowerCase()),
      );
    case '!%':
      return !any((a) =>
        String(a ?? '')
          .toLowerCase()
          .includes(String(c.value).toLowerCase()),
      );
    case '=%':
    case '%=':
      return any((a) => like(a, String(c.value)));
  }
}

/** `get(row, field)` resolves a filter/order field name to the row's value (UPPER or camel by caller). */
export function applyFilter<T>(rows: T[], conds: Condition[], get: (row: T, field: string) => unknown): T[] {
  const matches = (r: T, c: Condition): boolean =>
    'logic' in c ? (c.logic === 'OR' ? c.conds.some((x) => matches(r, x)) : c.conds.every((x) => matches(r, x))) : test(get(r, c.field), c);
  return rows.filter((r) => conds.every((c) => matches(r, c)));
}

export function applyOrder<T>(rows: T[], order: unknown, get: (row: T, field: string) => unknown, idField: string): T[] {
  const entries: [string, number][] = isRecord(order)
    ? Object.entries(order).map(([k, v]) => [k, String(v).toUpperCase() === 'DESC' ? -1 : 1])
    : [];
  if (!entries.some(([k]) => k.toLowerCase() === idField.toLowerCase())) entries.push([idField, 1]);
  return [...rows].sort((a, b) => {
    for (const [field, dir] of entries) {
      const d = cmp(get(a, field), get(b, field));
      if (d !== 0) return d * dir;
    }
    return 0;
  });
}

/**
 * One page of 50 from `start`; `start=-1` is the SDK's fast mode: no count, no total/next.
 * Returns a Paged (result + total + next) or the bare page.
 */
export function page<T>(rows: T[], startRaw: unknown, wrap: (page: T[]) => unknown): Paged | unknown {
  const start = toInt(startRaw) ?? 0;
  if (start < 0) return wrap(rows.slice(0, PAGE_SIZE));
  const slice = rows.slice(start, start + PAGE_SIZE);
  const next = start + PAGE_SIZE < rows.length ? start + PAGE_SIZE : undefined;
  return new Paged(wrap(slice), rows.length, next);
}
