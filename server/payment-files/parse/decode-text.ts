// Agents' CSV exports come in three encodings in practice: UTF-8 (with or without BOM), Windows-1251
// from Russian Excel and 1C, and Windows-1252 from Mexican Excel (integrations.md §5.3).
//
// The heuristic, in order:
// 1. A UTF-16 BOM or a NUL byte: refused (not a text export we read; ask for UTF-8 or CSV again).
// 2. A UTF-8 BOM: UTF-8, and invalid UTF-8 after it is refused.
// 3. Valid UTF-8 (strict decoder): UTF-8. Text in a single-byte code page with any letter above
//    ASCII is almost never valid UTF-8, so this rarely mistakes one for the other.
// 4. Otherwise a single-byte code page, told apart by how bytes ≥ 0x80 sit: Russian words are made
//    entirely of them (Cyrillic is 0xC0–0xFF, Ё/ё 0xA8/0xB8 in 1251), so they come in runs; Spanish
//    has isolated ones (á, é, ñ between ASCII letters). More high bytes in runs of two or more than
//    alone → Windows-1251, else Windows-1252.
import { fileError } from './file-error.js';

export type TextEncoding = 'utf-8' | 'windows-1251' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Buffer): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw fileError(
      'FILE_ENCODING',
      'UTF-16 or binary content in a CSV',
      'The file is not plain text in UTF-8 or Windows-1251. In Excel choose "CSV UTF-8 (comma delimited)" when saving.',
    );
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const utf8 = tryUtf8(hasBom ? bytes.subarray(3) : bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (hasBom) {
    throw fileError(
      'FILE_ENCODING',
      'UTF-8 BOM followed by invalid UTF-8',
      'The file says it is UTF-8 but contains bytes that are not. Save it again as "CSV UTF-8".',
    );
  }
  const encoding = looksCyrillic(bytes) ? 'windows-1251' : 'windows-1252';
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when high bytes mostly come in runs (Cyrillic words), false when mostly alone (Latin accents). */
export function looksCyrillic(bytes: Buffer): boolean {
  let inRuns = 0;
  let alone = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const neighbour = (bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80;
    if (neighbour) inRuns++;
    else alone++;
  }
  return inRuns > alone;
}
