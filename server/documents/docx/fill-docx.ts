// Filling a template: open it under the same checks as an upload, check the values against the
// catalog version the application is pinned to, fill every text part, write the zip deterministically.
// A value the application has not given yet leaves its place empty and is reported as missing; a
// placeholder the catalog does not know is the template's fault and refuses the whole document.
import { localizedError, type UserLanguage } from '../../errors.js';
import { checkValues } from './check-values.js';
import { writeDocxPackage } from './docx-package.js';
import type { DocLanguage, FieldDef, ValueMap } from './fields.js';
import { fillTree, insertPendingBreaks, type FillHooks } from './fill-tree.js';
import type { TemplateProblem } from './template-problem.js';
import { problemText } from './problem-text.js';
import { formatValue } from './format-value.js';
import { MAIN_DOCUMENT_TYPES, partText } from './package-safety.js';
import { childScope, parseCheckboxId, resolve, rootScope, valueMatches, type Scope } from './scope.js';
import { openTemplate } from './template-parts.js';
import { parseXml, serializeXml } from './xml.js';

export interface FillOptions {
  /** The document's language: numbers, dates, money and amounts in words. */
  lang: DocLanguage;
  /** The catalog version's fields (the application's pinned version). */
  catalog: readonly FieldDef[];
  /** The language of error messages (the user's, not the document's). */
  userLang?: UserLanguage;
}

export interface FilledDocument {
  bytes: Uint8Array;
  /** Codes with a placeholder, row or checkbox in the template and no value. */
  missing: string[];
}

const encoder = new TextEncoder();

export function fillDocx(template: Uint8Array, rawValues: Readonly<Record<string, unknown>>, opts: FillOptions): FilledDocument {
  const userLang = opts.userLang ?? opts.lang;
  const values = checkValues(opts.catalog, rawValues, userLang);
  const { pkg, textParts } = openTemplate(template, userLang);
  const missing = new Set<string>();
  const problems: TemplateProblem[] = [];
  const hooks = fillHooks(opts.lang, missing, problems);
  for (const name of textParts) {
    const root = parseXml(partText(pkg, name, userLang));
    const before = problems.length;
    fillTree(root, rootScope(opts.catalog, values), hooks);
    for (const p of problems.slice(before)) p.part = name;
    insertPendingBreaks(root);
    pkg.parts.set(name, encoder.encode(serializeXml(root)));
  }
  if (problems.length > 0) {
    throw localizedError(
      'TEMPLATE_INVALID',
      userLang,
      `template does not fit the catalog: ${problems.map((p) => p.text).join(', ')}`,
      { count: problems.length, first: problemText(problems[0]!, userLang) },
      { problems },
    );
  }
  // A .dotx filled is a document: Word refuses a .docx whose main part says "template".
  const types = partText(pkg, '[Content_Types].xml', userLang);
  const [documentType, templateType] = MAIN_DOCUMENT_TYPES;
  if (types.includes(templateType)) pkg.parts.set('[Content_Types].xml', encoder.encode(types.replace(templateType, documentType)));
  return { bytes: writeDocxPackage(pkg), missing: [...missing].sort() };
}

function fillHooks(lang: DocLanguage, missing: Set<string>, problems: TemplateProblem[]): FillHooks<Scope> {
  const unknown = (code: string, text: string): void => {
    problems.push({ kind: 'unknown-code', code, text });
  };
  return {
    value(tag, raw, scope) {
      const found = resolve(scope, tag.code);
      if (!found) {
        unknown(tag.code, raw);
        return '';
      }
      if (found.value === undefined) {
        missing.add(tag.code);
        return '';
      }
      return formatValue(found.def, found.value, tag.format, lang);
    },
    items(tag, raw, scope) {
      const found = resolve(scope, tag.code);
      if (!found || found.def.type !== 'list') {
        unknown(tag.code, raw);
        return [];
      }
      if (found.value === undefined) missing.add(tag.code);
      const items = (found.value ?? []) as readonly ValueMap[];
      return items.map((item) => childScope(scope, found.def, item));
    },
    test(tag, raw, scope) {
      const found = resolve(scope, tag.code);
      if (!found) {
        unknown(tag.code, raw);
        return false;
      }
      const hit = valueMatches(found.value, tag.value);
      return tag.op === '!=' ? !hit : hit;
    },
    checkbox(id, scope) {
      const { code, value } = parseCheckboxId(id);
      const found = resolve(scope, code);
      if (!found) {
        unknown(code, id);
        return undefined;
      }
      if (found.value === undefined) missing.add(code);
      return valueMatches(found.value, value);
    },
    problem(p) {
      problems.push(p);
    },
  };
}
