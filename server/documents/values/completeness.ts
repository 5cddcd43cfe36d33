// Completeness of an application for one bank (issue 15, item 4: "12 fields missing for Bank A"):
// the bank's required fields that the application's pinned catalog version has, and which of them
// have no value once base and override are resolved. Computed here once; the tab only shows it.
// A required code the pinned version lacks is not counted: nobody can fill it until the application
// is moved to a version that has it (the tab's version banner offers that).
import type { CatalogField } from '../catalog/catalog-field.js';

export interface Completeness {
  required: number;
  /** Required codes without a value, in the catalog's order (the order the tab shows fields in). */
  missing: string[];
}

export function completenessFor(
  catalog: readonly CatalogField[],
  requiredFields: readonly string[],
  resolved: ReadonlyMap<string, unknown>,
): Completeness {
  const wanted = new Set(requiredFields);
  const fields = catalog.filter((f) => wanted.has(f.code));
  return { required: fields.length, missing: fields.filter((f) => !hasValue(resolved.get(f.code))).map((f) => f.code) };
}

/** Stored values are already type-checked; what counts as "not filled" is what prints as nothing. */
export function hasValue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}
