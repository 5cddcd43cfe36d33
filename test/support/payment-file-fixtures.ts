// Payment files for the parser's tests, generated here rather than committed: each is named after
// the edge case it pins, and its bytes are spelled out so a reader sees what the agent sent.
import ExcelJS from 'exceljs';
import { AppError, isAppError } from '../../server/errors.js';
import { crc32, deflateRawSync } from 'node:zlib';

/** Encodes text in a single-byte code page (Node's TextEncoder only does UTF-8). */
export function encodeSingleByte(text: string, encoding: 'windows-1251' | 'windows-1252'): Buffer {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const b = byChar.get(ch);
      if (b === undefined) throw new Error(`${ch} is not in ${encoding}`);
      return b;
    }),
  );
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export const csvFixtures = {
  /** Russian 1C / Excel export: CP1251, ';', decimal comma with space groups, dd.mm.yyyy. */
  'cp1251-semicolon-decimal-comma.csv': () =>
    encodeSingleByte(
      'Номер сделки;Дата;Сумма;Номер платежа\r\n' +
        '1234;05.03.2026;10 500,00;П-000123\r\n' +
        '1235;06.03.2026;1 000 000,5;П-000124\r\n' +
        '\r\n' +
        '1236;07.03.2026;750;П-000125\r\n',
      'windows-1251',
    ),
  /** Mexican agent: UTF-8 with BOM, ',' delimiter, "$1,500.50" quoted because of its comma, dd/mm/yyyy. */
  'utf8-bom-comma-dollar.csv': () =>
    Buffer.concat([
      UTF8_BOM,
      Buffer.from(
        'Número de crédito,Fecha,Importe,Referencia\n' +
          '1234,05/03/2026,"$1,500.50",OXXO-98765\n' +
          '1235,31/12/2026,$200.00,OXXO-98766\n',
      ),
    ]),
  'tab-separated.csv': () => Buffer.from('deal\tdate\tamount\tref\n1234\t2026-03-05\t1500.50\tA-1\n1235\t2026-03-06\t20\tA-2\n'),
  /** The reference holds the delimiter, so the agent quoted it; the header has more ';' than ','. */
  'quoted-delimiter-in-reference.csv': () =>
    Buffer.from('Сделка;Дата;Сумма;Референс\n1234;05.03.2026;"10 500,00";"ref;with;semicolons"\n1235;06.03.2026;1,5;"line ""two"""\n'),
  /** Line 3 has an unquoted decimal comma in a ',' file: one field too many. */
  'inconsistent-columns.csv': () => Buffer.from('deal,date,amount\n1234,2026-03-05,1500.50\n1235,2026-03-06,1500,50\n'),
  /** Spanish text in Windows-1252 (not valid UTF-8): accents alone between ASCII letters. */
  'cp1252-spanish.csv': () =>
    encodeSingleByte('Número de crédito;Fecha;Importe;Descripción\n1234;05/03/2026;1.500,50;Pago en Oaxaca ñandú\n', 'windows-1252'),
};

export type CsvFixture = keyof typeof csvFixtures;

/** Mexican agent's workbook: an empty summary sheet first, then Date, number, formula and text cells. */
export async function agentMxXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Resumen');
  const ws = wb.addWorksheet('Pagos');
  ws.addRow(['Número de crédito', 'Fecha de pago', 'Importe', 'Referencia']);
  ws.addRow([1234, new Date(Date.UTC(2026, 2, 5)), 1500.1, '1234567890123456']); // row 2: 16 digits as text: fine
  ws.addRow([1235, new Date(Date.UTC(2026, 2, 6, 14, 30)), { formula: 'C2*2', result: 3000.2 }, 1234567890123456]); // row 3: as a number
  ws.addRow([
    { richText: [{ text: '12' }, { text: '36' }] },
    '05/03/2026',
    '1,500.50',
    { text: 'REF-1', hyperlink: 'https://example.com' },
  ]);
  ws.addRow([]); // row 5: blank
  ws.addRow([1237, new Date(Date.UTC(2026, 2, 7)), 1500.0999999999999, 'REF-2']); // row 6: a float artefact
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ZipEntrySpec {
  name: string;
  content: Buffer;
  /** What the headers claim; defaults to the truth. */
  declaredSize?: number;
}

/** A deflated zip written by hand, so a test can make it lie about its sizes. */
export function handMadeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = deflateRawSync(e.content, { level: 9 });
    const size = e.declaredSize ?? e.content.length;
    const crc = crc32(e.content);
    // The local header and the central entry share one run of fields (version needed … name
    // length); the central entry has it 2 bytes further on, after "version made by".
    const fields = { crc, compressed: data.length, size, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeSharedFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function writeSharedFields(header: Buffer, at: number, f: { crc: number; compressed: number; size: number; nameLength: number }): void {
  header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  header.writeUInt16LE(8, at + 4); // method: deflate (flags at +2 stay 0)
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.compressed, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.nameLength, at + 22);
}

/** 20 MiB of spaces as a worksheet: about 20 KB deflated, a ratio near 1000. */
export function zipBombXlsx(): Buffer {
  return handMadeZip([
    { name: '[Content_Types].xml', content: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(20 * 1024 * 1024, 0x20) },
  ]);
}

/** The AppError a read refuses the file with (fails the test if it is accepted or throws anything else). */
export async function refusalOf(reading: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof reading === 'function' ? reading() : reading);
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('the file was accepted');
}

/**
 * A big agent workbook near the 5 MB upload limit, as a busy month's export looks: MAX_ROWS rows,
 * the four mapped columns (Deal, Date, Amount, Reference, MX style) and `fillerColumns` columns of
 * payer data that barely compress (seeded, so every run builds the same bytes). Deals cycle
 * through `dealIds`; dates are 2024-02-02..28, amounts 1.00..9.99.
 */
export async function largeAgentXlsx(dealIds: readonly number[], fillerColumns = 11, rows = 20_000): Promise<Buffer> {
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ';
  const text = (n: number) => Array.from({ length: n }, () => alphabet[(random() >>> 16) % alphabet.length]).join('');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pagos');
  ws.addRow(['Deal', 'Date', 'Amount', 'Reference', ...Array.from({ length: fillerColumns }, (_, i) => `Dato ${i + 1}`)]);
  for (let i = 0; i < rows; i++) {
    const day = String(2 + (i % 27)).padStart(2, '0');
    ws.addRow([
      dealIds[i % dealIds.length]!,
      `${day}/02/2024`,
      `${1 + (i % 9)}.${String(i % 100).padStart(2, '0')}`,
      `REF-${i}`,
      ...Array.from({ length: fillerColumns }, () => text(20)),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
