// What a template must not carry, checked before it is stored or filled: macros (a .docm, or a
// vbaProject part smuggled into a .docx) and relationships that make Word or LibreOffice fetch
// something from outside the file when the document is opened (linked pictures and objects, remote
// attached templates, frames, subdocuments) — each leaks the reader's address and can carry a payload.
// A plain hyperlink is not fetched on opening, and banks' templates carry them (their website, an
// e-mail address), so http(s) and mailto hyperlinks stay.
import { localizedError, type UserLanguage } from '../../errors.js';
import type { DocxPackage } from './docx-package.js';
import { childElements, getAttr, parseXml } from './xml.js';

const MACRO_PART = /(?:^|\/)(?:vbaProject\.bin|vbaData\.xml)$|^word\/activeX\//iu;
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject|ms-office\.activeX/iu;
const HYPERLINK_TYPE = /\/relationships\/hyperlink$/u;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/iu;

export const MAIN_DOCUMENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
] as const;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function partText(pkg: DocxPackage, name: string, lang: UserLanguage): string {
  const data = pkg.parts.get(name);
  if (!data) throw localizedError('TEMPLATE_NOT_DOCX', lang, `missing ${name}`, { cause: '' }, { reason: `no ${name}` });
  try {
    return decoder.decode(data);
  } catch {
    throw localizedError('TEMPLATE_NOT_DOCX', lang, `${name} is not UTF-8`, { cause: '' }, { reason: `${name} is not UTF-8` });
  }
}

/** Refuses macros and outside content; returns the main document part's name. */
export function checkPackageSafety(pkg: DocxPackage, lang: UserLanguage): string {
  const types = partText(pkg, '[Content_Types].xml', lang);
  if (pkg.names.some((n) => MACRO_PART.test(n)) || MACRO_CONTENT_TYPE.test(types)) {
    throw localizedError('TEMPLATE_MACROS', lang, 'macro-enabled template');
  }
  for (const name of pkg.names) {
    if (!name.endsWith('.rels')) continue;
    for (const rel of relationships(partText(pkg, name, lang))) {
      if (rel.type.endsWith('/vbaProject')) throw localizedError('TEMPLATE_MACROS', lang, `vbaProject relationship in ${name}`);
      if (rel.mode !== 'External') continue;
      if (HYPERLINK_TYPE.test(rel.type) && SAFE_LINK.test(rel.target)) continue;
      const target = rel.target.length > 80 ? `${rel.target.slice(0, 77)}…` : rel.target;
      throw localizedError('TEMPLATE_EXTERNAL_LINK', lang, `external ${rel.type} in ${name}`, { target }, { part: name, target });
    }
  }
  const main = relationships(partText(pkg, '_rels/.rels', lang)).find((r) => r.type.endsWith('/officeDocument'));
  const mainName = main?.target.replace(/^\//u, '');
  if (!mainName || !pkg.parts.has(mainName) || !MAIN_DOCUMENT_TYPES.some((t) => types.includes(t))) {
    throw localizedError('TEMPLATE_NOT_DOCX', lang, 'no Word main document', { cause: '' }, { reason: 'no Word main document' });
  }
  return mainName;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  mode?: string;
}

export function relationships(xml: string): Relationship[] {
  const root = parseXml(xml);
  const rels = root.children.find((c) => c.kind === 'el');
  if (!rels || rels.kind !== 'el') return [];
  return childElements(rels, 'Relationship').map((r) => ({
    id: getAttr(r, 'Id') ?? '',
    type: getAttr(r, 'Type') ?? '',
    target: getAttr(r, 'Target') ?? '',
    mode: getAttr(r, 'TargetMode'),
  }));
}
