// Shapes shared by the payment-file parser (parse/) and the import (import/): an agent's file —
// CSV or XLSX, as paying agents send them once a day (seed 000) — becomes rows of text cells, a
// column mapping turns those into payment lines, and the import matches each line to a loan and
// registers it idempotently. Everything stays a string until it becomes a Decimal or an ISO date.

/** Which column (by its header text, matched case- and space-insensitively) holds what. */
export interface ColumnMapping {
  /** Bitrix24 deal ID of the loan the payment is for. */
  dealId: string;
  /** Value date of the payment. */
  date: string;
  /** Amount paid, in the loan's currency. */
  amount: string;
  /** Agent's own reference of the payment (store reference, bank operation number); optional. */
  reference?: string;
}

/** How the file writes dates and amounts; the parser never guesses these from the data. */
export interface FileLocale {
  /** 'dmy' = 31.12.2026, 31/12/2026 (RU, MX); 'mdy' = 12/31/2026; 'iso' = 2026-12-31. Excel date cells are read as dates either way. */
  dateOrder: 'dmy' | 'mdy' | 'iso';
  /** ',' → "10 500,00" (RU); '.' → "1,500.50" / "$1,500.50" (MX). */
  decimalSeparator: ',' | '.';
}

/** A file as uploaded. */
export interface PaymentFile {
  fileName: string;
  content: Buffer;
}

/** The raw table: the header row and the data rows as text, with the 1-based line/row number of each. */
export interface RawTable {
  format: 'csv' | 'xlsx';
  /** CSV only: the encoding and delimiter that were detected. */
  encoding?: string;
  delimiter?: string;
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** One payment line after mapping and normalising; amount a plain decimal string ("10500.00"), date ISO. */
export interface PaymentLine {
  line: number;
  dealId: number;
  date: string;
  amount: string;
  reference: string | null;
}

/** A problem with one line (or the whole file: line 0); `code` is stable, `message` is for people. */
export interface LineIssue {
  line: number;
  column?: string;
  code: string;
  message: string;
}
