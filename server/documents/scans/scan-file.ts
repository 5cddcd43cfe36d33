// What a scan may be, decided on its bytes (never on the name or the browser's Content-Type): a PDF,
// a JPEG or a PNG — what scanners and phones make and what a bank accepts — of at most 5 MB.
import { AppError } from '../../errors.js';

export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
export const MAX_SCANS_PER_APPLICATION = 20;

const SIGNATURES: readonly { type: string; magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The scan's content type, or SCAN_TOO_LARGE / SCAN_TYPE; an empty file is not a scan. */
export function scanContentType(bytes: Uint8Array): string {
  if (bytes.length > MAX_SCAN_BYTES) throw new AppError('SCAN_TOO_LARGE', `scan of ${bytes.length} bytes`);
  const found = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (!found) throw new AppError('SCAN_TYPE', 'scan is not PDF, JPEG or PNG');
  return found.type;
}
