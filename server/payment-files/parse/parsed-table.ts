// What readTable returns: the shared RawTable, plus what a text cell cannot say by itself about
// an XLSX cell that held a number:
// - its text is "10500.5" with a '.' whatever the file's locale, so mapLines must not read it with
//   the locale's ',' decimal (where "10.125" would be ten thousand one hundred twenty-five);
// - with more than 15 digits Excel has already rounded it (it keeps 15 significant digits), so a
//   long reference typed as a number is not the agent's reference any more, and mapLines refuses it.
// Every RawTable is a ParsedTable (the marks are optional), so mapLines accepts either.
import type { RawTable } from '../types.js';

export interface ParsedRow {
  line: number;
  cells: string[];
  /** XLSX only: 0-based indexes of cells that held a number (plain decimal text with '.'). */
  numeric?: number[];
  /** XLSX only: 0-based indexes of numeric cells with more than 15 digits. */
  imprecise?: number[];
}

export interface ParsedTable extends RawTable {
  rows: ParsedRow[];
}

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}
