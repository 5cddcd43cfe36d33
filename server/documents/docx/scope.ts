// Where a placeholder's code is looked up: the current list item's fields first (inside
// {{#each}}), then the enclosing ones, then the document's.
import type { FieldDef, FieldValue, ValueMap } from './fields.js';

export interface Scope {
  defs: ReadonlyMap<string, FieldDef>;
  values: ValueMap;
  parent?: Scope;
}

export function rootScope(catalog: readonly FieldDef[], values: ValueMap): Scope {
  return { defs: new Map(catalog.map((d) => [d.code, d])), values };
}

export function childScope(parent: Scope, list: FieldDef, values: ValueMap): Scope {
  return { defs: new Map((list.item ?? []).map((d) => [d.code, d])), values, parent };
}

export function resolve(scope: Scope, code: string): { def: FieldDef; value: FieldValue | undefined } | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const def = s.defs.get(code);
    if (def) return { def, value: s.values.get(code) };
  }
  return undefined;
}

export function visibleCodes(scope: Scope): string[] {
  const out: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) out.push(...s.defs.keys());
  return out;
}

/** A checkbox's name: `code` (ticked when the value is set and not false) or `code=value`. */
export function parseCheckboxId(id: string): { code: string; value?: string } {
  const at = id.indexOf('=');
  return at < 0 ? { code: id.trim() } : { code: id.slice(0, at).trim(), value: id.slice(at + 1).trim() };
}

/** Whether a value counts as "yes" for {{#if}} and a checkbox, or equals `expected` when given. */
export function valueMatches(value: FieldValue | undefined, expected?: string): boolean {
  if (value === undefined) return false;
  if (expected === undefined) {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') return value !== '';
    if (Array.isArray(value)) return value.length > 0;
    return true;
  }
  if (typeof value === 'boolean') return String(value) === expected;
  if (typeof value === 'string') return value === expected;
  if (Array.isArray(value)) return value.some((v) => v === expected);
  return false;
}
