// What crosses the thread boundary between the import (main thread) and parse-worker.ts. Only
// structured-clone data: an AppError is sent as its fields and rebuilt on the other side.
import type { ErrorCode } from '../../errors.js';
import type { ColumnMapping, FileLocale, LineIssue, PaymentLine } from '../types.js';

export interface ParseJob {
  fileName: string;
  /** The file's bytes, transferred (not copied) to the worker. */
  content: ArrayBuffer;
  mapping: ColumnMapping;
  locale: FileLocale;
}

/** How the table looked: enough for the import's record, without shipping every cell back. */
export interface TableShape {
  format: 'csv' | 'xlsx';
  rowCount: number;
}

export interface ParsedFile {
  table: TableShape;
  lines: PaymentLine[];
  issues: LineIssue[];
}

export interface SentError {
  code: ErrorCode;
  message: string;
  userMessage?: string;
  details?: Record<string, unknown>;
}

export type ParseReply = { ok: ParsedFile } | { error: SentError };
