// Finds the mapped columns in the file's header. Header text is compared without case, without any
// whitespace and without a BOM, so "Номер сделки", "НОМЕР  СДЕЛКИ" and "\uFEFFНомер сделки" are one name.
import type { ColumnMapping, LineIssue } from '../types.js';

export type MappedField = keyof ColumnMapping;
export type ColumnIndexes = Partial<Record<MappedField, number>>;

const FIELDS: readonly MappedField[] = ['dealId', 'date', 'amount', 'reference'];

export function normaliseHeader(text: string): string {
  return text
    .replace(/\uFEFF/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, '');
}

export function findColumns(header: readonly string[], mapping: ColumnMapping): { columns: ColumnIndexes; issues: LineIssue[] } {
  const names = header.map(normaliseHeader);
  const columns: ColumnIndexes = {};
  const issues: LineIssue[] = [];
  for (const field of FIELDS) {
    const wanted = mapping[field];
    if (wanted === undefined || wanted.trim() === '') continue;
    const matches = names.flatMap((name, i) => (name === normaliseHeader(wanted) ? [i] : []));
    if (matches.length === 1) columns[field] = matches[0];
    else issues.push(columnIssue(wanted, matches.length));
  }
  return { columns, issues };
}

function columnIssue(column: string, matches: number): LineIssue {
  return matches === 0
    ? {
        line: 0,
        column,
        code: 'MAPPING_COLUMN_MISSING',
        message: `The file has no column "${column}". Check the header row or the column mapping.`,
      }
    : {
        line: 0,
        column,
        code: 'MAPPING_COLUMN_AMBIGUOUS',
        message: `The file has ${matches} columns named "${column}". Rename all but one.`,
      };
}
