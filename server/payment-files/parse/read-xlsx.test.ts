import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapLines } from './map-lines.js';
import { readTable } from './read-table.js';
import { agentMxXlsx, refusalOf } from '../../../test/support/payment-file-fixtures.js';

const MAPPING = { dealId: 'Número de crédito', date: 'Fecha de pago', amount: 'Importe', reference: 'Referencia' };

describe('readTable on XLSX', () => {
  it('agent-mx.xlsx: the first non-empty sheet; dates as ISO, numbers exact, formulas by result, rich text plain', async () => {
    const table = await readTable({ fileName: 'agent-mx.xlsx', content: await agentMxXlsx() });
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['Número de crédito', 'Fecha de pago', 'Importe', 'Referencia']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1234', '2026-03-05', '1500.1', '1234567890123456'], numeric: [0, 2] },
      { line: 3, cells: ['1235', '2026-03-06T14:30:00', '3000.2', '1234567890123456'], numeric: [0, 2, 3], imprecise: [3] },
      { line: 4, cells: ['1236', '05/03/2026', '1,500.50', 'REF-1'] },
      { line: 6, cells: ['1237', '2026-03-07', '1500.1', 'REF-2'], numeric: [0, 2] },
    ]);
  });

  it('agent-mx.xlsx: a 16-digit reference typed as a number is REFERENCE_PRECISION_LOST, as text it is kept', async () => {
    const table = await readTable({ fileName: 'agent-mx.xlsx', content: await agentMxXlsx() });
    const { lines, issues } = mapLines(table, MAPPING, { dateOrder: 'dmy', decimalSeparator: '.' });
    expect(lines).toEqual([
      { line: 2, dealId: 1234, date: '2026-03-05', amount: '1500.10', reference: '1234567890123456' },
      { line: 4, dealId: 1236, date: '2026-03-05', amount: '1500.50', reference: 'REF-1' },
      { line: 6, dealId: 1237, date: '2026-03-07', amount: '1500.10', reference: 'REF-2' },
    ]);
    expect(issues).toEqual([expect.objectContaining({ line: 3, column: 'Referencia', code: 'REFERENCE_PRECISION_LOST' })]);
  });

  it('ru-number-cells-decimal-comma.xlsx: number cells are read with a "." whatever the locale, text cells by the locale', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Платежи');
    ws.addRow(['Сделка', 'Дата', 'Сумма']);
    ws.addRow([1, new Date(Date.UTC(2026, 2, 5)), 10500.5]);
    ws.addRow([2, '05.03.2026', 10.125]); // with ',' decimal its text "10.125" would be 10125: it is 10.125 → AMOUNT_SCALE
    ws.addRow([3, '05.03.2026', '10 500,50']);
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    const table = await readTable({ fileName: 'ru-number-cells-decimal-comma.xlsx', content });
    const { lines, issues } = mapLines(
      table,
      { dealId: 'Сделка', date: 'Дата', amount: 'Сумма' },
      { dateOrder: 'dmy', decimalSeparator: ',' },
    );
    expect(lines.map((l) => [l.line, l.amount])).toEqual([
      [2, '10500.50'],
      [4, '10500.50'],
    ]);
    expect(issues).toEqual([expect.objectContaining({ line: 3, code: 'AMOUNT_SCALE' })]);
  });

  it('a workbook whose sheets are all empty is FILE_EMPTY', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Vacía');
    const content = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await refusalOf(readTable({ fileName: 'empty.xlsx', content }))).code).toBe('FILE_EMPTY');
  });

  it('a zip that is not a workbook is XLSX_UNREADABLE', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['a']);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    // Same zip, the workbook part renamed: exceljs finds no workbook.
    const broken = Buffer.from(good.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmz'), 'latin1');
    const err = await refusalOf(readTable({ fileName: 'broken.xlsx', content: broken }));
    expect(['XLSX_UNREADABLE', 'FILE_EMPTY']).toContain(err.code);
  });
});
