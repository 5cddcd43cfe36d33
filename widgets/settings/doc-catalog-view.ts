// How the app page lays out the catalog's draft: its fields grouped by section, and whether Publish
// would change anything. (The form of one field is doc-catalog-form.ts.)
import type { CatalogDiffView, CatalogField } from '../../wire/document-catalog.js';

/** The fields by section, sections in the order they first appear; each field with its index in the catalog. */
export function bySection(fields: readonly CatalogField[]): { section: string; fields: { field: CatalogField; index: number }[] }[] {
  const out = new Map<string, { field: CatalogField; index: number }[]>();
  fields.forEach((field, index) => {
    const list = out.get(field.section) ?? [];
    list.push({ field, index });
    out.set(field.section, list);
  });
  return [...out].map(([section, list]) => ({ section, fields: list }));
}

/** True when publishing would change nothing. */
export const isEmptyDiff = (d: CatalogDiffView): boolean => d.added.length + d.removed.length + d.changed.length === 0;
