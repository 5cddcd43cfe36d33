// Reads the .xlsx zip's central directory ourselves and refuses a zip bomb before exceljs (which
// inflates every entry into memory through jszip) ever sees the file. The declared sizes are checked
// first because that is cheap; then every entry is inflated with a cap at its declared size, since a
// hostile zip can declare small sizes and still inflate to gigabytes.
import { inflateRawSync } from 'node:zlib';
import { fileError } from './file-error.js';
import { MAX_XLSX_SHEETS, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, MAX_ZIP_UNCOMPRESSED_BYTES, MIN_RATIO_CHECK_BYTES } from './limits.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  compressedBytes: number;
  uncompressedBytes: number;
  localHeaderOffset: number;
}

/** Throws XLSX_LIMIT / FILE_FORMAT unless the zip is small, sane and plain; returns its entries. */
export function guardZip(zip: Buffer): ZipEntry[] {
  const entries = readCentralDirectory(zip);
  checkDeclaredSizes(entries);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
  if (sheets > MAX_XLSX_SHEETS) {
    throw limit(`${sheets} worksheets`, `The workbook has ${sheets} sheets; keep the payments on one sheet (at most ${MAX_XLSX_SHEETS}).`);
  }
  for (const entry of entries) checkActualSize(zip, entry);
  return entries;
}

export function readCentralDirectory(zip: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  // ZIP64 markers: a workbook under our file-size limit never needs them.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw limit('zip64', tooBigMessage());
  if (count > MAX_ZIP_ENTRIES) throw limit(`${count} zip entries`, tooBigMessage());
  if (offset + size > eocd) throw corrupt('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_BYTES > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt(`central entry ${i}`);
    const flags = zip.readUInt16LE(at + 8);
    if (flags & 1) throw fileError('FILE_FORMAT', 'encrypted zip entry', 'The workbook is password-protected. Save it without a password.');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedBytes: zip.readUInt32LE(at + 20),
      uncompressedBytes: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength),
    });
    at += CENTRAL_BYTES + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record ends the file, followed only by a comment of at most 65 535 bytes.
  const lowest = Math.max(0, zip.length - EOCD_BYTES - 0xffff);
  for (let at = zip.length - EOCD_BYTES; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw corrupt('no end of central directory');
}

function checkDeclaredSizes(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedBytes;
    if (total > MAX_ZIP_UNCOMPRESSED_BYTES) throw limit(`uncompressed total over ${MAX_ZIP_UNCOMPRESSED_BYTES}`, tooBigMessage());
    if (e.uncompressedBytes >= MIN_RATIO_CHECK_BYTES && e.uncompressedBytes > MAX_ZIP_RATIO * Math.max(1, e.compressedBytes)) {
      throw limit(`entry ${e.name} ratio ${Math.round(e.uncompressedBytes / Math.max(1, e.compressedBytes))}`, tooBigMessage());
    }
  }
}

function checkActualSize(zip: Buffer, e: ZipEntry): void {
  const at = e.localHeaderOffset;
  if (at + LOCAL_BYTES > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw corrupt(`local header of ${e.name}`);
  const start = at + LOCAL_BYTES + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + e.compressedBytes);
  if (data.length !== e.compressedBytes) throw corrupt(`data of ${e.name} past the end`);
  if (e.method === STORED) {
    if (e.compressedBytes !== e.uncompressedBytes) throw corrupt(`stored ${e.name} sizes differ`);
    return;
  }
  if (e.method !== DEFLATED) throw corrupt(`compression method ${e.method} in ${e.name}`);
  let inflated: Buffer;
  try {
    // One byte over the declared size is enough to catch a lie without inflating the rest of it.
    inflated = inflateRawSync(data, { maxOutputLength: e.uncompressedBytes + 1 });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw limit(`entry ${e.name} inflates past its declared ${e.uncompressedBytes} bytes`, tooBigMessage());
    }
    throw corrupt(`${e.name} does not inflate`);
  }
  if (inflated.length !== e.uncompressedBytes) throw corrupt(`${e.name} inflates to ${inflated.length}, declared ${e.uncompressedBytes}`);
}

function tooBigMessage(): string {
  return 'The workbook unpacks to far more data than a payment list needs. Export only the payments sheet as a new .xlsx, or send a CSV.';
}

function limit(message: string, userMessage: string) {
  return fileError('XLSX_LIMIT', `xlsx refused: ${message}`, userMessage);
}

function corrupt(message: string) {
  return fileError(
    'FILE_FORMAT',
    `xlsx zip is damaged: ${message}`,
    'The .xlsx file is damaged. Open it in Excel, save it again and re-send it.',
  );
}
