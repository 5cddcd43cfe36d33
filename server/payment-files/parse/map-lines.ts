// mapLines: the raw table → payment lines, by the agent's column mapping and the file's locale.
// A row yields a PaymentLine only when every mapped cell reads cleanly; otherwise it yields its
// issues (one per bad cell) and no line, so nothing half-read reaches the import. Blank rows, and
// rows whose mapped cells are all empty (totals, notes beside the table), are skipped.
import type { ColumnMapping, FileLocale, LineIssue, PaymentLine } from '../types.js';
import { findColumns, type ColumnIndexes, type MappedField } from './find-columns.js';
import { parseAmount } from './parse-amount.js';
import { parseDate } from './parse-date.js';
import { parseDealId } from './parse-deal-id.js';
import type { ParsedRow, ParsedTable } from './parsed-table.js';

/** Scale when the caller cannot tell the loan's currency yet; the import re-checks per currency. */
export const DEFAULT_AMOUNT_SCALE = 2;

export type CurrencyScaleOf = (dealId: number) => number | undefined;

export interface MappedLines {
  lines: PaymentLine[];
  issues: LineIssue[];
}

export function mapLines(table: ParsedTable, mapping: ColumnMapping, locale: FileLocale, currencyScale?: CurrencyScaleOf): MappedLines {
  const { columns, issues } = findColumns(table.header, mapping);
  if (issues.length > 0) return { lines: [], issues };
  const lines: PaymentLine[] = [];
  for (const row of table.rows) {
    const mapped = mapRow(row, columns, table.header, locale, currencyScale);
    if (mapped === null) continue;
    if ('issues' in mapped) issues.push(...mapped.issues);
    else lines.push(mapped.line);
  }
  return { lines, issues };
}

function mapRow(
  row: ParsedRow,
  columns: ColumnIndexes,
  header: readonly string[],
  locale: FileLocale,
  currencyScale: CurrencyScaleOf | undefined,
): { line: PaymentLine } | { issues: LineIssue[] } | null {
  const cell = (field: MappedField) => {
    const i = columns[field];
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const fields: MappedField[] = ['dealId', 'date', 'amount', 'reference'];
  if (fields.every((f) => cell(f) === '')) return null;

  const issues: LineIssue[] = [];
  const issue = (field: MappedField, code: string, message: string) => {
    issues.push({ line: row.line, column: header[columns[field]!], code, message });
  };

  const dealId = parseDealId(cell('dealId'));
  if (cell('dealId') === '') issue('dealId', 'VALUE_MISSING', 'The deal number is empty');
  else if (dealId === null) issue('dealId', 'BAD_DEAL_ID', `"${cell('dealId')}" is not a deal number (a whole number above zero)`);

  const date = parseDate(cell('date'), locale.dateOrder);
  if (cell('date') === '') issue('date', 'VALUE_MISSING', 'The payment date is empty');
  else if (date === null) issue('date', 'BAD_DATE', `"${cell('date')}" is not a date in ${DATE_SHAPES[locale.dateOrder]}`);

  const scale = (dealId === null ? undefined : currencyScale?.(dealId)) ?? DEFAULT_AMOUNT_SCALE;
  // A number cell's text has a '.' decimal whatever the locale (parsed-table.ts).
  const amountLocale: FileLocale = row.numeric?.includes(columns.amount!) ? { ...locale, decimalSeparator: '.' } : locale;
  const amount = cell('amount') === '' ? null : parseAmount(cell('amount'), amountLocale, scale);
  if (amount === null) issue('amount', 'VALUE_MISSING', 'The amount is empty');
  else if ('code' in amount) issue('amount', amount.code, amount.message);

  const referenceColumn = columns.reference;
  if (referenceColumn !== undefined && row.imprecise?.includes(referenceColumn)) {
    issue(
      'reference',
      'REFERENCE_PRECISION_LOST',
      `The reference ${cell('reference')} is a number with more than 15 digits, so Excel has already rounded it. Format the column as Text and export again.`,
    );
  }

  if (issues.length > 0 || dealId === null || date === null || amount === null || 'code' in amount) return { issues };
  const reference = cell('reference');
  return { line: { line: row.line, dealId, date, amount: amount.amount, reference: reference === '' ? null : reference } };
}

const DATE_SHAPES: Record<FileLocale['dateOrder'], string> = {
  dmy: 'the form day.month.year (31.12.2026 or 31/12/2026)',
  mdy: 'the form month/day/year (12/31/2026)',
  iso: 'the form year-month-day (2026-12-31)',
};
