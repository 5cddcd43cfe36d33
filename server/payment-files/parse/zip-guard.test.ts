import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import { guardZip } from './zip-guard.js';
import { agentMxXlsx, handMadeZip, refusalOf, zipBombXlsx } from '../../../test/support/payment-file-fixtures.js';

describe('guardZip', () => {
  it('zip-bomb.xlsx: a 20 KB file declaring a 20 MiB sheet is refused before exceljs reads it', async () => {
    const content = zipBombXlsx();
    expect(content.length).toBeLessThan(64 * 1024);
    const err = await refusalOf(readTable({ fileName: 'zip-bomb.xlsx', content }));
    expect(err.code).toBe('XLSX_LIMIT');
    expect(err.message).toMatch(/ratio/);
  });

  it('a zip that declares a small size and inflates past it is refused too', () => {
    const content = handMadeZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(2 * 1024 * 1024, 0x20), declaredSize: 1000 }]);
    const err = guardZipRefusal(content);
    expect(err).toMatchObject({ code: 'XLSX_LIMIT', message: expect.stringMatching(/inflates past/) });
  });

  it('declared sizes over the total limit are refused without inflating anything (each entry below the ratio check)', () => {
    const entries = Array.from({ length: 80 }, (_, i) => ({
      name: `xl/media/image${i}.bin`,
      content: Buffer.alloc(10),
      declaredSize: 900 * 1024,
    }));
    expect(guardZipRefusal(handMadeZip(entries))).toMatchObject({
      code: 'XLSX_LIMIT',
      message: expect.stringMatching(/uncompressed total/),
    });
  });

  it('more worksheets than allowed are refused', () => {
    const entries = Array.from({ length: 21 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: Buffer.from('<x/>') }));
    expect(guardZipRefusal(handMadeZip(entries))).toMatchObject({ code: 'XLSX_LIMIT' });
  });

  it('a truncated zip is FILE_FORMAT', async () => {
    const good = await agentMxXlsx();
    expect(guardZipRefusal(good.subarray(0, good.length - 40))).toMatchObject({ code: 'FILE_FORMAT' });
  });

  it('an ordinary workbook passes, and so does an honest hand-made zip (the fixture writer is right)', async () => {
    expect(guardZip(await agentMxXlsx()).map((e) => e.name)).toContain('xl/workbook.xml');
    const honest = handMadeZip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<row/>'.repeat(1000)) }]);
    expect(guardZip(honest)).toEqual([expect.objectContaining({ name: 'xl/worksheets/sheet1.xml', uncompressedBytes: 6000 })]);
  });
});

function guardZipRefusal(zip: Buffer) {
  try {
    guardZip(zip);
  } catch (err) {
    return err;
  }
  throw new Error('the zip was accepted');
}
