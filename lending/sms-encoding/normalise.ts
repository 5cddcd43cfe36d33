// Typographic characters that Word, Outlook and phones insert and that silently force UCS-2
// (shared/notes/integrations.md §2.3). Applied before anything is counted. `«»` have no GSM
// equivalent, so they become '"'.
const REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  [/\r\n?/g, '\n'], // one line break costs one septet, not two
  [/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u301D\u301E]/g, '"'],
  [/[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\u0060\u00B4]/g, "'"],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00AD\uFE58\uFE63\uFF0D]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' '],
  [/[\u200B\u200C\u200D\u2060\uFEFF]/g, ''],
  [/\u2022/g, '-'],
];

/** NFC first (so "e" + combining acute becomes the single GSM "é"), then the typographic folds. */
export function normaliseTypography(text: string): string {
  let s = text.normalize('NFC');
  for (const [re, to] of REPLACEMENTS) s = s.replace(re, to);
  return s;
}
