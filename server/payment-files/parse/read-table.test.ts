import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS } from './limits.js';
import { readTable } from './read-table.js';
import { agentMxXlsx, csvFixtures, refusalOf } from '../../../test/support/payment-file-fixtures.js';

describe('readTable: format and limits', () => {
  it('an empty file is FILE_EMPTY', async () => {
    expect((await refusalOf(readTable({ fileName: 'p.csv', content: Buffer.alloc(0) }))).code).toBe('FILE_EMPTY');
  });

  it('a file with only blank lines is FILE_EMPTY', async () => {
    expect((await refusalOf(readTable({ fileName: 'p.csv', content: Buffer.from('\ufeff\r\n \r\n') }))).code).toBe('FILE_EMPTY');
  });

  it('an over-size file is FILE_TOO_LARGE (413) before anything is parsed', async () => {
    const err = await refusalOf(readTable({ fileName: 'p.csv', content: Buffer.alloc(MAX_FILE_BYTES + 1, 0x61) }));
    expect(err).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });

  it('a workbook named .csv is FILE_FORMAT: the content decides, the name must agree', async () => {
    const err = await refusalOf(readTable({ fileName: 'pagos.csv', content: await agentMxXlsx() }));
    expect(err).toMatchObject({ code: 'FILE_FORMAT', details: { extension: 'csv', detected: 'xlsx' } });
  });

  it('a CSV named .xlsx is FILE_FORMAT', async () => {
    const content = csvFixtures['tab-separated.csv']();
    expect((await refusalOf(readTable({ fileName: 'pagos.XLSX', content }))).code).toBe('FILE_FORMAT');
  });

  it('an old .xls (OLE2) is FILE_FORMAT with a hint to save as .xlsx', async () => {
    const content = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const err = await refusalOf(readTable({ fileName: 'pagos.xls', content }));
    expect(err.code).toBe('FILE_FORMAT');
    expect(err.userMessage).toMatch(/\.xlsx/);
  });

  it('an unknown extension is FILE_FORMAT; no extension at all trusts the content', async () => {
    const content = csvFixtures['tab-separated.csv']();
    expect((await refusalOf(readTable({ fileName: 'pagos.dat', content }))).code).toBe('FILE_FORMAT');
    expect((await readTable({ fileName: 'pagos', content })).format).toBe('csv');
  });

  it(`more than ${MAX_ROWS} data rows is FILE_TOO_MANY_ROWS; exactly ${MAX_ROWS} is fine`, async () => {
    const csv = (rows: number) => Buffer.from('a;b\n' + '1;2\n'.repeat(rows));
    expect((await readTable({ fileName: 'p.csv', content: csv(MAX_ROWS) })).rows).toHaveLength(MAX_ROWS);
    expect((await refusalOf(readTable({ fileName: 'p.csv', content: csv(MAX_ROWS + 1) }))).code).toBe('FILE_TOO_MANY_ROWS');
  });

  it(`more than ${MAX_COLUMNS} columns is FILE_TOO_MANY_COLUMNS`, async () => {
    const header = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(';');
    expect((await refusalOf(readTable({ fileName: 'p.csv', content: Buffer.from(`${header}\n`) }))).code).toBe('FILE_TOO_MANY_COLUMNS');
  });
});
