// Refusals of a whole payment file. Each code is stable (the import, the API and the widget key on
// it); the user message says what to change in the file so the agent's next export goes through.
import { AppError } from '../../errors.js';
import { MAX_COLUMNS, MAX_ROWS } from './limits.js';

export const FILE_ERROR_CODES = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_FORMAT',
  'FILE_ENCODING',
  'FILE_TOO_MANY_ROWS',
  'FILE_TOO_MANY_COLUMNS',
  'CSV_DELIMITER',
  'CSV_INCONSISTENT_COLUMNS',
  'CSV_MALFORMED',
  'XLSX_LIMIT',
  'XLSX_UNREADABLE',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** Statuses from server/errors.ts: 413 for the size (the upload itself is too big), 422 for the content. */
export function fileError(code: FileErrorCode, message: string, userMessage: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message, userMessage, details);
}

export function tooManyRows(): AppError {
  return fileError(
    'FILE_TOO_MANY_ROWS',
    `more than ${MAX_ROWS} rows`,
    `The file has more than ${MAX_ROWS} payment lines. Split it into several files.`,
  );
}

export function tooManyColumns(count: number): AppError {
  return fileError(
    'FILE_TOO_MANY_COLUMNS',
    `${count} columns`,
    `The file has ${count} columns; at most ${MAX_COLUMNS} are read. Remove the columns you do not need.`,
  );
}
