// An exceljs cell value → the text the agent saw in Excel. exceljs gives dates as Date, numbers as
// JS numbers, formulas as {formula, result}, rich text as runs (integrations.md §5.2); text that
// merely looks like a number or a date ("1,500.50", "05/03/2026") stays text and is parsed by locale
// later, like CSV.
import type ExcelJS from 'exceljs';
import { Dec } from '../../../lending/decimal.js';

export interface CellText {
  text: string;
  /** A number cell: its text is plain decimal with '.', whatever the file's locale. */
  numeric: boolean;
  /** A number with more than 15 digits: Excel kept only 15, so the digits shown may not be the real ones. */
  imprecise: boolean;
}

const EXCEL_DIGITS = 15;
const IMPRECISE_FROM = 10 ** EXCEL_DIGITS;

export function cellText(value: ExcelJS.CellValue): CellText {
  if (typeof value === 'number') return { text: numberText(value), numeric: true, imprecise: Math.abs(value) >= IMPRECISE_FROM };
  // A formula shows its cached result; a 16-digit result is as rounded as a 16-digit constant.
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) {
    return cellText(value.result ?? null);
  }
  return { text: otherText(value), numeric: false, imprecise: false };
}

function otherText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return textOf(value.text);
  if ('error' in value) return value.error;
  return '';
}

/** Hyperlink text is typed as a string but arrives as rich text when the link is formatted. */
function textOf(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  return '';
}

/**
 * The decimal text of a cell number. Integers are exact (BigInt, never "1e+21"). Other numbers are
 * cut to Excel's 15 significant digits, which drops binary artefacts: a cell typed as 1500.1 and
 * stored as 1500.0999999999999 becomes "1500.1", as Excel shows it.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  return new Dec(n.toPrecision(EXCEL_DIGITS)).toFixed();
}

/**
 * exceljs builds Dates from Excel serials in UTC, so the UTC fields are the calendar date in the cell.
 * A date with a time of day keeps it ("2026-03-06T14:30:00"); the date parser reads the date part.
 */
export function dateText(d: Date): string {
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}
