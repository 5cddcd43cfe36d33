// CSV bytes → ParsedTable: decode, detect the delimiter from the header, then csv-parse strictly.
// No relax_column_count: a row with a different number of fields is refused with its line number,
// because a shifted row would put an amount in the date column (integrations.md §5.3).
import { CsvError, parse } from 'csv-parse/sync';
import { decodeText } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { fileError, tooManyColumns, tooManyRows } from './file-error.js';
import { MAX_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_ROWS } from './limits.js';
import { isBlank, type ParsedRow, type ParsedTable } from './parsed-table.js';

interface RecordWithInfo {
  record: string[];
  info: { lines: number; empty_lines: number };
}

export function readCsv(content: Buffer): ParsedTable {
  const { text, encoding } = decodeText(content);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw fileError('FILE_EMPTY', 'csv has only blank lines', 'The file has no lines.');
  const delimiter = detectDelimiter(text);
  const records = parseRecords(text, delimiter);
  const [head, ...data] = records;
  if (head === undefined) throw fileError('FILE_EMPTY', 'csv has no records', 'The file has no lines.');
  if (head.record.length > MAX_COLUMNS) throw tooManyColumns(head.record.length);
  if (data.length > MAX_ROWS) throw tooManyRows();
  return { format: 'csv', encoding, delimiter, header: head.record, rows: toRows(records) };
}

function parseRecords(text: string, delimiter: string): RecordWithInfo[] {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
      // Header + MAX_ROWS + 1: enough to know there are too many without reading the rest.
      to: MAX_ROWS + 2,
    }) as unknown as RecordWithInfo[]; // `info: true` changes the record shape; the typings do not follow it
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    throw csvRefusal(err, delimiter);
  }
}

/** csv-parse counts lines to the end of each record; the first line of a record follows the last one. */
function toRows(records: RecordWithInfo[]): ParsedRow[] {
  const rows: ParsedRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const prev = records[i - 1]!.info;
    const { record, info } = records[i]!;
    if (isBlank(record)) continue;
    rows.push({ line: prev.lines + 1 + (info.empty_lines - prev.empty_lines), cells: record });
  }
  return rows;
}

function csvRefusal(err: CsvError, delimiter: string) {
  const line = (err as CsvError & { lines?: number }).lines;
  const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    return fileError(
      'CSV_INCONSISTENT_COLUMNS',
      `${err.code} at line ${line}: ${err.message}`,
      `Line ${line} has a different number of columns than the header (columns are separated by ${shown}). A value that contains ${shown} must be in double quotes.`,
      { line },
    );
  }
  return fileError(
    'CSV_MALFORMED',
    `${err.code} at line ${line}: ${err.message}`,
    `Line ${line} cannot be read: check its double quotes (a quote inside a value is written twice: "").`,
    { line },
  );
}
