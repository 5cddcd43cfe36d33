// The placeholder language of our templates, small on purpose so a bank's template can be written in
// Word by an admin:
//   {{code}}  {{code|words}}  {{code|long}}           a value, optionally formatted
//   {{#each list}} … {{/each}}                        repeat table rows or paragraphs per list item
//   {{#if code}} {{#if code == value}} {{#if code != value}} … {{/if}}   keep or drop rows, paragraphs or text
// Codes are dotted lower-case words (borrower.first_name); inside {{#each}} the item's own codes are
// used as written (`name`), falling back to the document's.

export const TAG = /\{\{([^{}]*)\}\}/gu;
const CODE = String.raw`[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*`;
const VALUE_TAG = new RegExp(String.raw`^(${CODE})(?:\s*\|\s*([a-z]+))?$`, 'u');
const EACH_TAG = new RegExp(String.raw`^#each\s+(${CODE})$`, 'u');
const IF_TAG = new RegExp(String.raw`^#if\s+(${CODE})(?:\s*(==|!=)\s*(\S(?:.*\S)?))?$`, 'u');

export const FORMATS = ['words', 'long', 'number'] as const;
export type Format = (typeof FORMATS)[number];

export type Tag =
  | { kind: 'value'; code: string; format?: string }
  | { kind: 'each'; code: string }
  | { kind: 'if'; code: string; op?: '==' | '!='; value?: string }
  | { kind: 'end'; block: 'each' | 'if' }
  | { kind: 'bad'; text: string };

export function parseTag(inner: string): Tag {
  const s = inner.trim();
  if (s === '/each') return { kind: 'end', block: 'each' };
  if (s === '/if') return { kind: 'end', block: 'if' };
  let m = EACH_TAG.exec(s);
  if (m) return { kind: 'each', code: m[1]! };
  m = IF_TAG.exec(s);
  if (m) {
    const value = m[3]?.replace(/^["'«](.*)["'»]$/u, '$1');
    return m[2] ? { kind: 'if', code: m[1]!, op: m[2] as '==' | '!=', value } : { kind: 'if', code: m[1]! };
  }
  m = VALUE_TAG.exec(s);
  if (m) return m[2] ? { kind: 'value', code: m[1]!, format: m[2] } : { kind: 'value', code: m[1]! };
  return { kind: 'bad', text: inner };
}

export function isStructural(tag: Tag): boolean {
  return tag.kind === 'each' || tag.kind === 'if' || tag.kind === 'end';
}
