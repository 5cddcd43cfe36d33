// The values one document of a pack is filled with, and where each came from (the manifest): the
// bank's override, else the base bank, else a Bitrix24 field the catalog names as the source (deal,
// contact, company), else a figure of the deal's saved loan, else missing. Pure: the caller reads the application's values and the deal.
import type { UserLanguage } from '../../errors.js';
import type { CatalogField } from '../catalog/catalog-field.js';
import { toFillerFields } from '../catalog/catalog-field.js';
import { checkValues } from '../docx/check-values.js';
import type { ValuesView } from '../../../wire/documents.js';
import type { PackFieldSource } from '../../../wire/document-packs.js';

export interface DocumentValues {
  values: Record<string, unknown>;
  sources: Record<string, PackFieldSource>;
}

/**
 * `bankId` null: an internal document, filled from the base values. What was typed wins; else a
 * Bitrix24 field (`bitrix`), else a figure of the deal's saved loan (`loan`, loan-figures.ts).
 */
export function valuesForDocument(
  fields: readonly CatalogField[],
  view: ValuesView,
  bankId: string | null,
  bitrix: Readonly<Record<string, unknown>>,
  loan: Readonly<Record<string, unknown>> = {},
): DocumentValues {
  const bank = bankId === null ? undefined : view.banks.find((b) => b.bankId === bankId);
  const own = new Map((bank?.values ?? []).map((v) => [v.code, v]));
  const values: Record<string, unknown> = {};
  const sources: Record<string, PackFieldSource> = {};
  for (const f of fields) {
    if (f.type === 'file') continue;
    const resolved = own.get(f.code);
    if (resolved && resolved.value !== undefined && resolved.value !== null) {
      values[f.code] = resolved.value;
      sources[f.code] = resolved.source;
    } else if (bankId === null && view.base[f.code] !== undefined && view.base[f.code] !== null) {
      values[f.code] = view.base[f.code];
      sources[f.code] = 'base';
    } else if (bitrix[f.code] !== undefined) {
      values[f.code] = bitrix[f.code];
      sources[f.code] = 'bitrix24';
    } else if (loan[f.code] !== undefined) {
      values[f.code] = loan[f.code];
      sources[f.code] = 'loan';
    } else {
      sources[f.code] = 'missing';
    }
  }
  return { values, sources };
}

/** Catalog fields whose source is a field of `kind` (deal, contact, company), as code → the field's name in crm.<kind>.get. */
export function sourcedFields(fields: readonly CatalogField[], kind: 'deal' | 'contact' | 'company'): Map<string, string> {
  return new Map(fields.filter((f) => f.source?.kind === kind).map((f) => [f.code, f.source!.field]));
}

/**
 * A deal's or contact's fields as catalog values: text-like as text, a number as its decimal text,
 * money from an amount field with the record's CURRENCY_ID, a date as its YYYY-MM-DD; a multi-field
 * (PHONE, EMAIL) gives its first VALUE. A value that does not fit its field's type is left out (the
 * document says it is missing) rather than failing the document.
 */
export function recordValues(
  fields: readonly CatalogField[],
  kind: 'deal' | 'contact' | 'company',
  record: Readonly<Record<string, unknown>>,
  lang: UserLanguage,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [code, name] of sourcedFields(fields, kind)) {
    const f = fields.find((x) => x.code === code)!;
    const field = record[name];
    const raw = Array.isArray(field) ? (field[0] as { VALUE?: unknown } | undefined)?.VALUE : field;
    if (raw === undefined || raw === null || raw === '') continue;
    const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
    if (text === undefined) continue;
    const value =
      f.type === 'money'
        ? { amount: text, currency: typeof record.CURRENCY_ID === 'string' ? record.CURRENCY_ID : '' }
        : f.type === 'date'
          ? text.slice(0, 10)
          : text;
    try {
      checkValues(toFillerFields([f]), { [code]: value }, lang);
      out[code] = value;
    } catch {
      // not of the field's type: missing
    }
  }
  return out;
}
