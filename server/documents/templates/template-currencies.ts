// The deals a template is for, by the deal's currency (wire/document-templates.ts `dealCurrencies`), the
// way banks and catalog fields name theirs: every internal template used to go into every pack, so a
// rouble deal's pack held the Spanish contract filled with roubles and the peso deal's the Russian one.
// Stored as a JSON string[] in document_templates.deal_currencies; null = any deal.
import type { Executor } from '../../db/executor.js';
import { parseJsonColumn } from '../../loans/json-column.js';

/** The column's list, or undefined for a template of any deal. */
export function currenciesOf(column: string | null): string[] | undefined {
  return column === null ? undefined : parseJsonColumn<string[]>(column, 'document_templates.deal_currencies');
}

/** An upload's "RUB,MXN" (or a body's list) as the column: null for none. */
export function currenciesColumn(list: string | readonly string[] | null | undefined): string | null {
  const codes = typeof list === 'string' ? list.split(',') : (list ?? []);
  return codes.length === 0 ? null : JSON.stringify([...new Set(codes)]);
}

/** Whether a template with this column goes into a pack of a deal in `dealCurrency` (null: not known, any fits). */
export function fitsDeal(column: string | null, dealCurrency: string | null): boolean {
  const list = currenciesOf(column);
  return list === undefined || dealCurrency === null || list.includes(dealCurrency);
}

/** The admin's edit: the template's deal currencies, or null for any deal. False when there is no such template. */
export async function setTemplateCurrencies(
  db: Executor,
  portalId: string,
  templateId: string,
  list: readonly string[] | null,
  nowIso: string,
): Promise<boolean> {
  const r = await db
    .updateTable('document_templates')
    .set({ deal_currencies: currenciesColumn(list), updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', templateId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
