// A .docx as a set of named parts, read with limits before anything is inflated and written back
// deterministically: entries in the template's order, one fixed timestamp, fixed compression — the
// same template and values give the same bytes, so a regenerated pack can be compared by hash.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { localizedError, type UserLanguage } from '../../errors.js';
import {
  MAX_TEMPLATE_BYTES,
  MAX_UNCOMPRESSED_BYTES,
  MAX_XML_PART_BYTES,
  MAX_ZIP_ENTRIES,
  MAX_ZIP_RATIO,
  MIN_RATIO_CHECK_BYTES,
} from './limits.js';

export interface DocxPackage {
  /** Entry names in the order the template stores them. */
  names: string[];
  parts: Map<string, Uint8Array>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** 1980-01-01 00:00 local time: the earliest zip (DOS) date, the same bytes in every time zone. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
/** Already compressed: deflating them again costs time and gains nothing. */
const STORED = /\.(?:png|jpe?g|gif|tiff?|wdp|mp4|zip)$/iu;

export function readDocxPackage(bytes: Uint8Array, lang: UserLanguage): DocxPackage {
  if (bytes.length > MAX_TEMPLATE_BYTES) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw localizedError('TEMPLATE_TOO_LARGE', lang, `template of ${bytes.length} bytes`, {
      sizeMb: mb(bytes.length),
      limitMb: mb(MAX_TEMPLATE_BYTES),
    });
  }
  if (startsWith(bytes, OLE_MAGIC)) throw notDocx(lang, 'password-protected or an old .doc', OLD_DOC[lang]);
  if (!startsWith(bytes, ZIP_MAGIC)) throw notDocx(lang, 'not a zip');
  const names: string[] = [];
  const declared = new Map<string, number>();
  let total = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        declared.set(f.name, f.originalSize);
        total += f.originalSize;
        if (names.length > MAX_ZIP_ENTRIES) throw bomb(lang, `${names.length} entries`);
        if (total > MAX_UNCOMPRESSED_BYTES) throw bomb(lang, `more than ${MAX_UNCOMPRESSED_BYTES} bytes unpacked`);
        if (f.name.endsWith('.xml') || f.name.endsWith('.rels')) {
          if (f.originalSize > MAX_XML_PART_BYTES) throw bomb(lang, `${f.name} is ${f.originalSize} bytes`);
        }
        if (f.originalSize >= MIN_RATIO_CHECK_BYTES && f.originalSize > MAX_ZIP_RATIO * Math.max(1, f.size)) {
          throw bomb(lang, `${f.name} ratio ${Math.round(f.originalSize / Math.max(1, f.size))}:1`);
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('TEMPLATE_')) throw e;
    throw notDocx(lang, 'damaged zip');
  }
  // fflate inflates into a buffer of the declared size: an entry that lies about it comes out short
  // or cut, never bigger, so memory stays bounded by the checks above.
  for (const name of names) {
    if (parts[name]?.length !== declared.get(name)) throw notDocx(lang, `damaged entry ${name}`);
  }
  return { names, parts: new Map(names.map((n) => [n, parts[n]!])) };
}

export function writeDocxPackage(pkg: DocxPackage): Uint8Array {
  const files: Zippable = {};
  for (const name of pkg.names) {
    const data = pkg.parts.get(name);
    if (data) files[name] = [data, { level: STORED.test(name) ? 0 : 6, mtime: FIXED_MTIME }];
  }
  return zipSync(files, { mtime: FIXED_MTIME });
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

// The reader's reason is for the log and support (the message, details.reason), never in the admin's
// sentence: it is English and names zip internals the admin cannot act on.
function notDocx(lang: UserLanguage, reason: string, cause = '') {
  return localizedError('TEMPLATE_NOT_DOCX', lang, `not a docx: ${reason}`, { cause }, { reason });
}

/** The one reason an admin can act on by itself (re-save from Word), in their words. */
const OLD_DOC: Record<UserLanguage, string> = {
  en: ' (an old .doc, or a password-protected file)',
  ru: ' (старый .doc или файл, защищённый паролем)',
  es: ' (un .doc antiguo o un archivo protegido con contraseña)',
};

function bomb(lang: UserLanguage, reason: string) {
  return localizedError('TEMPLATE_ZIP_BOMB', lang, `zip refused: ${reason}`, {}, { reason });
}
