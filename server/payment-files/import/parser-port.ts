import type { TableShape } from '../worker/messages.js';
import type { ColumnMapping, FileLocale, LineIssue, PaymentFile, PaymentLine } from '../types.js';

/** Told when the file's parse actually starts (it may wait for a thread first). */
export interface ParseHooks {
  onStart?: () => void;
}

/**
 * What the import needs of the payment-file parser (server/payment-files/parse/): passed in, so a
 * route or a test can be built with another one. The server binds the worker-thread pool
 * (worker/worker-pool.ts); default-parser.ts parses in the calling thread (tests, scripts).
 */
export interface PaymentFileParser {
  /** Largest file accepted, in bytes (decoded). */
  maxFileBytes: number;
  /** readTable, then mapLines. A file that cannot be read at all throws an AppError (4xx). */
  parse(
    file: PaymentFile,
    mapping: ColumnMapping,
    locale: FileLocale,
    hooks?: ParseHooks,
  ): Promise<{ table: TableShape; lines: PaymentLine[]; issues: LineIssue[] }>;
}
