// What moving an application to another catalog version does, shown before it is done: fields added,
// fields removed (their values stay stored, the documents stop using them) and fields whose type,
// options or label changed.
import type { CatalogField } from './catalog-field.js';

export interface CatalogDiff {
  added: string[];
  removed: string[];
  changed: { code: string; what: ('type' | 'label' | 'options' | 'item' | 'section' | 'validation' | 'source' | 'dealCurrencies')[] }[];
}

export function diffCatalogs(from: readonly CatalogField[], to: readonly CatalogField[]): CatalogDiff {
  const before = new Map(from.map((f) => [f.code, f]));
  const after = new Map(to.map((f) => [f.code, f]));
  const added = [...after.keys()].filter((c) => !before.has(c)).sort();
  const removed = [...before.keys()].filter((c) => !after.has(c)).sort();
  const changed: CatalogDiff['changed'] = [];
  for (const [code, a] of before) {
    const b = after.get(code);
    if (!b) continue;
    const what: CatalogDiff['changed'][number]['what'] = [];
    if (a.type !== b.type) what.push('type');
    if (!same(a.label, b.label)) what.push('label');
    if (!same(a.options, b.options)) what.push('options');
    if (!same(a.item, b.item)) what.push('item');
    if (a.section !== b.section) what.push('section');
    if (!same(a.validation, b.validation)) what.push('validation');
    if (!same(a.source, b.source)) what.push('source');
    if (!same(a.dealCurrencies, b.dealCurrencies)) what.push('dealCurrencies');
    if (what.length > 0) changed.push({ code, what });
  }
  changed.sort((x, y) => x.code.localeCompare(y.code));
  return { added, removed, changed };
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** JSON with object keys sorted: the same catalog gives the same text (and hash) however it was typed. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
