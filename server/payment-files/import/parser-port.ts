import type { ColumnMapping, FileLocale, LineIssue, PaymentFile, PaymentLine, RawTable } from '../types.js';

/**
 * What the import needs of the payment-file parser (server/payment-files/parse/): passed in, so the
 * import is tested with the real parser and a route can be built with another one.
 */
export interface PaymentFileParser {
  /** Largest file accepted, in bytes (decoded). */
  maxFileBytes: number;
  readTable(file: PaymentFile): RawTable | Promise<RawTable>;
  mapLines(table: RawTable, mapping: ColumnMapping, locale: FileLocale): { lines: PaymentLine[]; issues: LineIssue[] };
}
