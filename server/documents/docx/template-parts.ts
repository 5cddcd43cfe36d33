// Opening a template: the checks every upload and every fill go through, then the parts that carry
// text a person reads — the body, headers and footers, footnotes and endnotes.
import type { UserLanguage } from '../../errors.js';
import { readDocxPackage, type DocxPackage } from './docx-package.js';
import { checkPackageSafety } from './package-safety.js';

export interface OpenedTemplate {
  pkg: DocxPackage;
  mainPart: string;
  /** Parts to fill, main document first. */
  textParts: string[];
}

export function openTemplate(bytes: Uint8Array, lang: UserLanguage): OpenedTemplate {
  const pkg = readDocxPackage(bytes, lang);
  const mainPart = checkPackageSafety(pkg, lang);
  const dir = mainPart.slice(0, mainPart.lastIndexOf('/') + 1);
  const others = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:header\\d*|footer\\d*|footnotes|endnotes)\\.xml$`, 'u');
  return { pkg, mainPart, textParts: [mainPart, ...pkg.names.filter((n) => others.test(n))] };
}
