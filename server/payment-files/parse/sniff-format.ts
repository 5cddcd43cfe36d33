// Which reader a file needs is decided by its bytes; the name's extension only has to agree. A
// renamed file ("pagos.csv" that is really a workbook) is refused rather than read as garbage.
import { fileError } from './file-error.js';

export type FileFormat = 'csv' | 'xlsx';

const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
// Old .xls, and also any password-protected .xlsx: Excel wraps encrypted workbooks in OLE2.
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PDF = Buffer.from('%PDF', 'latin1');

const FORMAT_BY_EXTENSION: Readonly<Record<string, FileFormat>> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
};

export function sniffFormat(content: Buffer, fileName: string): FileFormat {
  const detected = formatOfContent(content);
  const extension = extensionOf(fileName);
  if (extension === null) return detected;
  const expected = FORMAT_BY_EXTENSION[extension];
  if (expected === undefined) {
    throw fileError(
      'FILE_FORMAT',
      `unsupported extension .${extension}`,
      `Files ending in .${extension} are not accepted. Send the payments as .xlsx or .csv.`,
      { extension },
    );
  }
  if (expected !== detected) {
    throw fileError(
      'FILE_FORMAT',
      `extension .${extension} but content is ${detected}`,
      `The file is named .${extension} but its content is ${detected === 'xlsx' ? 'an Excel workbook' : 'text (CSV)'}. Export it again as .${detected} or fix its name.`,
      { extension, detected },
    );
  }
  return detected;
}

function formatOfContent(content: Buffer): FileFormat {
  if (startsWith(content, ZIP_LOCAL_HEADER)) return 'xlsx';
  if (startsWith(content, OLE2)) {
    throw fileError(
      'FILE_FORMAT',
      'OLE2 container (legacy .xls or encrypted .xlsx)',
      'This is an old .xls workbook or a password-protected one. Save it without a password as .xlsx (Excel Workbook) or as CSV.',
    );
  }
  if (startsWith(content, PDF)) {
    throw fileError('FILE_FORMAT', 'PDF content', 'This is a PDF. Send the payments as .xlsx or .csv.');
  }
  return 'csv';
}

function extensionOf(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : null;
}

function startsWith(content: Buffer, magic: Buffer): boolean {
  return content.length >= magic.length && content.subarray(0, magic.length).equals(magic);
}
