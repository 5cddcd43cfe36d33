// Limits on an uploaded payment file (TigerBeetle's "put a limit on everything"). An agent's daily
// file is a few hundred lines and well under 1 MiB; these leave room for a busy month in one file
// while keeping the work of parsing a hostile one bounded before it starts.

/** Size of the upload as sent (the .xlsx zip itself, or the CSV bytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Data rows (the header not counted). */
export const MAX_ROWS = 20_000;
/** Columns in the header or any row. */
export const MAX_COLUMNS = 50;
/** One CSV record, to stop an unclosed quote from swallowing the whole file into one field. */
export const MAX_CSV_RECORD_CHARS = 64 * 1024;

/** Worksheets in a workbook; only the first non-empty one is read. */
export const MAX_XLSX_SHEETS = 20;
/** Entries in the .xlsx zip (a plain workbook has about a dozen). */
export const MAX_ZIP_ENTRIES = 500;
/** Sum of the entries' uncompressed sizes: 20 000 rows × 50 columns of sheet XML fit in this. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;
/**
 * Uncompressed ÷ compressed size of one entry. Sheet XML compresses 10–30×; a zip bomb 1000× and
 * more. Entries under MIN_RATIO_CHECK_BYTES are not checked: however well they compress, they are small.
 */
export const MAX_ZIP_RATIO = 100;
export const MIN_RATIO_CHECK_BYTES = 1024 * 1024;
