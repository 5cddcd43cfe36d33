// The linter an admin's upload goes through: the same package checks and the same walk as filling,
// with hooks that look every code up in the catalog instead of in an application's values. It lists
// every placeholder, list, condition and checkbox, and every problem with the nearest valid code.
import { localizedError, type UserLanguage } from '../../errors.js';
import type { FieldDef } from './fields.js';
import { fillTree, type FillHooks } from './fill-tree.js';
import type { TemplateProblem } from './template-problem.js';
import { FORMATS_BY_TYPE } from './format-value.js';
import { nearestCode } from './nearest-code.js';
import { partText, relationships } from './package-safety.js';
import { ownTextNodes } from './paragraph-text.js';
import { childScope, parseCheckboxId, resolve, rootScope, visibleCodes, type Scope } from './scope.js';
import { TAG } from './tags.js';
import { openTemplate } from './template-parts.js';
import { descendants, parseXml, textOf } from './xml.js';
import { problemText } from './problem-text.js';

export interface LintReport {
  /** Distinct placeholders as `code` or `code|format`, with how often each appears. */
  placeholders: { code: string; format?: string; count: number }[];
  lists: string[];
  conditions: string[];
  checkboxes: string[];
  parts: string[];
  problems: TemplateProblem[];
}

export function lintDocx(bytes: Uint8Array, catalog: readonly FieldDef[], lang: UserLanguage): LintReport {
  const { pkg, textParts } = openTemplate(bytes, lang);
  const seen = new Map<string, { code: string; format?: string; count: number }>();
  const lists = new Set<string>();
  const conditions = new Set<string>();
  const checkboxes = new Set<string>();
  const problems: TemplateProblem[] = [];
  const hooks = lintHooks(seen, lists, conditions, checkboxes, problems);
  for (const name of textParts) {
    const before = problems.length;
    const root = parseXml(partText(pkg, name, lang));
    problems.push(...unsupportedIn(root));
    fillTree(root, rootScope(catalog, new Map()), hooks);
    for (const p of problems.slice(before)) p.part = name;
  }
  for (const name of pkg.names) {
    if (/comments\w*\.xml$/u.test(name) && partText(pkg, name, lang).includes('{{')) {
      problems.push({ kind: 'unsupported', text: name, note: 'in-comments', part: name });
    }
    if (name.endsWith('.rels') && relationships(partText(pkg, name, lang)).some((r) => r.type.endsWith('/aFChunk'))) {
      problems.push({ kind: 'unsupported', text: 'altChunk', note: 'alt-chunk', part: name });
    }
  }
  return {
    placeholders: [...seen.values()].sort((a, b) => a.code.localeCompare(b.code)),
    lists: [...lists].sort(),
    conditions: [...conditions].sort(),
    checkboxes: [...checkboxes].sort(),
    parts: textParts,
    problems,
  };
}

/** The upload's gate: the report when the template fits the catalog, TEMPLATE_INVALID otherwise. */
export function checkTemplate(bytes: Uint8Array, catalog: readonly FieldDef[], lang: UserLanguage): LintReport {
  const report = lintDocx(bytes, catalog, lang);
  if (report.problems.length > 0) {
    throw localizedError(
      'TEMPLATE_INVALID',
      lang,
      `template refused: ${report.problems.map((p) => `${p.kind}${p.note ? `/${p.note}` : ''} ${p.text}`).join('; ')}`,
      { count: report.problems.length, first: problemText(report.problems[0]!, lang) },
      { problems: report.problems.map((p) => ({ ...p, message: problemText(p, lang) })) },
    );
  }
  return report;
}

function lintHooks(
  seen: Map<string, { code: string; format?: string; count: number }>,
  lists: Set<string>,
  conditions: Set<string>,
  checkboxes: Set<string>,
  problems: TemplateProblem[],
): FillHooks<Scope> {
  const lookup = (scope: Scope, code: string, text: string) => {
    const found = resolve(scope, code);
    if (!found) problems.push({ kind: 'unknown-code', code, text, suggestion: nearestCode(code, visibleCodes(scope)) });
    return found;
  };
  return {
    value(tag, raw, scope) {
      const key = tag.format ? `${tag.code}|${tag.format}` : tag.code;
      const entry = seen.get(key) ?? { code: tag.code, ...(tag.format ? { format: tag.format } : {}), count: 0 };
      entry.count++;
      seen.set(key, entry);
      const found = lookup(scope, tag.code, raw);
      if (found?.def.type === 'list') problems.push({ kind: 'list-as-value', code: tag.code, text: raw });
      else if (found && tag.format && !FORMATS_BY_TYPE[found.def.type].includes(tag.format)) {
        problems.push({ kind: 'bad-format', code: tag.code, text: raw });
      }
      return '';
    },
    items(tag, raw, scope) {
      lists.add(tag.code);
      const found = lookup(scope, tag.code, raw);
      if (!found) return [scope];
      if (found.def.type !== 'list') {
        problems.push({ kind: 'not-a-list', code: tag.code, text: raw });
        return [scope];
      }
      return [childScope(scope, found.def, new Map())];
    },
    test(tag, raw, scope) {
      conditions.add(tag.code);
      const found = lookup(scope, tag.code, raw);
      if (found && tag.value !== undefined) checkOption(found.def, tag.value, raw, problems);
      return true;
    },
    checkbox(id, scope) {
      checkboxes.add(id);
      const { code, value } = parseCheckboxId(id);
      const found = resolve(scope, code);
      if (!found) problems.push({ kind: 'bad-checkbox', code, text: id, suggestion: nearestCode(code, visibleCodes(scope)) });
      else if (value !== undefined) checkOption(found.def, value, id, problems);
      return undefined;
    },
    problem(p) {
      problems.push(p);
    },
  };
}

function checkOption(def: FieldDef, value: string, text: string, problems: TemplateProblem[]): void {
  if (!def.options || def.options.some((o) => o.value === value)) return;
  problems.push({
    kind: 'unknown-code',
    code: `${def.code}=${value}`,
    text,
    suggestion: nearestCode(
      value,
      def.options.map((o) => o.value),
    ),
  });
}

/** What Word can put in a template that our placeholders do not live in. */
function unsupportedIn(root: ReturnType<typeof parseXml>): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  for (const instr of descendants(root, 'w:instrText')) {
    const text = textOf(instr).trim();
    if (/^MERGEFIELD\b/iu.test(text)) out.push({ kind: 'unsupported', text, note: 'mail-merge' });
    else if (text.includes('{{')) out.push({ kind: 'unsupported', text, note: 'field-code' });
  }
  for (const del of descendants(root, 'w:delText')) {
    if (textOf(del).includes('{{')) out.push({ kind: 'unsupported', text: snippet(textOf(del)), note: 'tracked-deletion' });
  }
  for (const p of descendants(root, 'w:p')) {
    const text = ownTextNodes(p).map(textOf).join('');
    if (!text.includes('{') && !text.includes('}')) continue;
    const rest = text.replace(TAG, '');
    if (rest.includes('{{') || rest.includes('}}')) out.push({ kind: 'bad-placeholder', text: snippet(rest) });
  }
  return out;
}

function snippet(text: string): string {
  const at = Math.max(
    0,
    Math.min(text.indexOf('{{') >= 0 ? text.indexOf('{{') : text.length, text.indexOf('}}') >= 0 ? text.indexOf('}}') : text.length) - 10,
  );
  return text.slice(at, at + 40);
}
