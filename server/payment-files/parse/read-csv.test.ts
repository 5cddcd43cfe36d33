import { describe, expect, it } from 'vitest';
import type { FileLocale } from '../types.js';
import { mapLines } from './map-lines.js';
import { readTable } from './read-table.js';
import { csvFixtures, refusalOf, type CsvFixture } from '../../../test/support/payment-file-fixtures.js';

const RU: FileLocale = { dateOrder: 'dmy', decimalSeparator: ',' };
const MX: FileLocale = { dateOrder: 'dmy', decimalSeparator: '.' };

function read(name: CsvFixture) {
  return readTable({ fileName: name, content: csvFixtures[name]() });
}

describe('readTable on CSV', () => {
  it('cp1251-semicolon-decimal-comma.csv: Windows-1251, ";", "10 500,00", dd.mm.yyyy, line numbers past a blank line', async () => {
    const table = await read('cp1251-semicolon-decimal-comma.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';' });
    expect(table.header).toEqual(['Номер сделки', 'Дата', 'Сумма', 'Номер платежа']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    const mapping = { dealId: 'номер  сделки', date: 'Дата', amount: 'СУММА', reference: 'Номер платежа' };
    expect(mapLines(table, mapping, RU)).toEqual({
      issues: [],
      lines: [
        { line: 2, dealId: 1234, date: '2026-03-05', amount: '10500.00', reference: 'П-000123' },
        { line: 3, dealId: 1235, date: '2026-03-06', amount: '1000000.50', reference: 'П-000124' },
        { line: 5, dealId: 1236, date: '2026-03-07', amount: '750.00', reference: 'П-000125' },
      ],
    });
  });

  it('utf8-bom-comma-dollar.csv: the BOM leaves the first header clean, "$1,500.50" is 1500.50', async () => {
    const table = await read('utf8-bom-comma-dollar.csv');
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(table.header[0]).toBe('Número de crédito');
    const mapping = { dealId: 'Número de crédito', date: 'Fecha', amount: 'Importe', reference: 'Referencia' };
    expect(mapLines(table, mapping, MX).lines).toEqual([
      { line: 2, dealId: 1234, date: '2026-03-05', amount: '1500.50', reference: 'OXXO-98765' },
      { line: 3, dealId: 1235, date: '2026-12-31', amount: '200.00', reference: 'OXXO-98766' },
    ]);
  });

  it('tab-separated.csv: tab is detected', async () => {
    const table = await read('tab-separated.csv');
    expect(table.delimiter).toBe('\t');
    const { lines } = mapLines(
      table,
      { dealId: 'deal', date: 'date', amount: 'amount', reference: 'ref' },
      { dateOrder: 'iso', decimalSeparator: '.' },
    );
    expect(lines.map((l) => [l.dealId, l.date, l.amount, l.reference])).toEqual([
      [1234, '2026-03-05', '1500.50', 'A-1'],
      [1235, '2026-03-06', '20.00', 'A-2'],
    ]);
  });

  it('quoted-delimiter-in-reference.csv: a quoted ";" stays in the reference, a doubled quote is one quote', async () => {
    const table = await read('quoted-delimiter-in-reference.csv');
    expect(table.delimiter).toBe(';');
    expect(table.rows.map((r) => r.cells[3])).toEqual(['ref;with;semicolons', 'line "two"']);
    const { lines } = mapLines(table, { dealId: 'Сделка', date: 'Дата', amount: 'Сумма', reference: 'Референс' }, RU);
    expect(lines.map((l) => l.amount)).toEqual(['10500.00', '1.50']);
  });

  it('inconsistent-columns.csv: refused with the line that has a field too many', async () => {
    const err = await refusalOf(read('inconsistent-columns.csv'));
    expect(err.code).toBe('CSV_INCONSISTENT_COLUMNS');
    expect(err.details).toEqual({ line: 3 });
    expect(err.userMessage).toContain('Line 3');
    expect(err.status).toBe(422);
  });

  it('cp1252-spanish.csv: not UTF-8 and not Cyrillic, so Windows-1252', async () => {
    const table = await read('cp1252-spanish.csv');
    expect(table.encoding).toBe('windows-1252');
    expect(table.header[0]).toBe('Número de crédito');
    expect(table.rows[0]?.cells[3]).toBe('Pago en Oaxaca ñandú');
  });

  it('an unclosed quote is CSV_MALFORMED with its line', async () => {
    const err = await refusalOf(readTable({ fileName: 'p.csv', content: Buffer.from('a;b\n1;"2\n3;4\n') }));
    expect(err.code).toBe('CSV_MALFORMED');
    expect(err.details).toEqual({ line: 3 });
  });

  it('a header with one column has no delimiter to find', async () => {
    const err = await refusalOf(readTable({ fileName: 'p.csv', content: Buffer.from('amount\n1\n') }));
    expect(err.code).toBe('CSV_DELIMITER');
  });

  it('a UTF-16 export is refused as an encoding, not read as garbage', async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\n1;2\n', 'utf16le')]);
    expect((await refusalOf(readTable({ fileName: 'p.csv', content }))).code).toBe('FILE_ENCODING');
  });
});
