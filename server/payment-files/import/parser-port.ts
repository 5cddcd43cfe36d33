import type { ColumnMapping, FileLocale, LineIssue, PaymentFile, PaymentLine, RawTable } from '../types.js';

/**
 * What the import needs of the payment-file parser (server/payment-files/parse/, bound in
 * default-parser.ts): passed in, so a route or a test can be built with another one.
 */
export interface PaymentFileParser {
  /** Largest file accepted, in bytes (decoded). */
  maxFileBytes: number;
  /** readTable, then mapLines. A file that cannot be read at all throws an AppError (4xx). */
  parse(
    file: PaymentFile,
    mapping: ColumnMapping,
    locale: FileLocale,
  ): Promise<{ table: RawTable; lines: PaymentLine[]; issues: LineIssue[] }>;
}
