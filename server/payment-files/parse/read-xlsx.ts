// XLSX bytes → ParsedTable: guard the zip, load it with exceljs, read the first sheet that has
// anything in it. Line numbers are Excel's row numbers, so an issue points at the row the agent sees.
import ExcelJS from 'exceljs';
import { fileError, tooManyColumns, tooManyRows } from './file-error.js';
import { MAX_COLUMNS, MAX_ROWS } from './limits.js';
import { cellText } from './cell-text.js';
import { isBlank, type ParsedRow, type ParsedTable } from './parsed-table.js';
import { guardZip } from './zip-guard.js';

export async function readXlsx(content: Buffer): Promise<ParsedTable> {
  guardZip(content);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like Buffer; jszip underneath reads a Node Buffer.
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw fileError(
      'XLSX_UNREADABLE',
      `exceljs could not load the workbook: ${err instanceof Error ? err.message : String(err)}`,
      'The workbook cannot be read. Open it in Excel, save it again as .xlsx (Excel Workbook) and re-send it.',
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (sheet === undefined) throw fileError('FILE_EMPTY', 'no sheet has values', 'The workbook has no data: every sheet is empty.');
  // The header is one of the rows counted, hence the + 1.
  if (sheet.actualRowCount > MAX_ROWS + 1) throw tooManyRows();
  return toTable(readRows(sheet));
}

function readRows(sheet: ExcelJS.Worksheet): ParsedRow[] {
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse: index 0 is always empty, gaps are empty cells.
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    if (values.length > MAX_COLUMNS) throw tooManyColumns(values.length);
    const cells: string[] = [];
    const numeric: number[] = [];
    const imprecise: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const cell = cellText(values[i] ?? null);
      cells.push(cell.text.trim());
      if (cell.numeric) numeric.push(i);
      if (cell.imprecise) imprecise.push(i);
    }
    if (isBlank(cells)) return;
    rows.push({ line: rowNumber, cells, ...(numeric.length > 0 && { numeric }), ...(imprecise.length > 0 && { imprecise }) });
  });
  return rows;
}

/** The first row with a value is the header; data rows are padded to its width. */
function toTable(rows: ParsedRow[]): ParsedTable {
  const [head, ...data] = rows;
  if (head === undefined) throw fileError('FILE_EMPTY', 'sheet has only blank cells', 'The workbook has no data.');
  const width = head.cells.length;
  for (const row of data) while (row.cells.length < width) row.cells.push('');
  return { format: 'xlsx', header: head.cells, rows: data };
}
