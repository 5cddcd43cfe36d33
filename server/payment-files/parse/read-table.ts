// readTable: an uploaded payment file → its header and rows as text, or an AppError that says what
// to fix (codes in file-error.ts, limits in limits.ts). The format comes from the bytes (sniff-format.ts);
// CSV is decoded and split strictly (read-csv.ts), XLSX is guarded against zip bombs and read with
// exceljs (read-xlsx.ts). Async because exceljs loads workbooks asynchronously.
import type { PaymentFile } from '../types.js';
import { fileError } from './file-error.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { ParsedTable } from './parsed-table.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { sniffFormat } from './sniff-format.js';

export async function readTable(file: PaymentFile): Promise<ParsedTable> {
  const { content } = file;
  if (content.length === 0) throw fileError('FILE_EMPTY', 'zero bytes', 'The file is empty. Export the payments again.');
  if (content.length > MAX_FILE_BYTES) {
    throw fileError(
      'FILE_TOO_LARGE',
      `${content.length} bytes over ${MAX_FILE_BYTES}`,
      `The file is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB. Split it into smaller files.`,
      { maxBytes: MAX_FILE_BYTES },
    );
  }
  return sniffFormat(content, file.fileName) === 'xlsx' ? readXlsx(content) : readCsv(content);
}
