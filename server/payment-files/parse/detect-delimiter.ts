// The delimiter is read once, from the header line, and then fixed for the whole file. Passing
// several delimiters to csv-parse (`delimiter: [';', ',']`) silently split "10 500,00" into two
// fields in a ';' file (integrations.md §5.3); one detected delimiter cannot do that.
import { fileError } from './file-error.js';

/** In order of preference when two are equally frequent (';' first: Russian Excel's list separator). */
export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The candidate that occurs most often outside double quotes in the first non-empty line. */
export function detectDelimiter(text: string): Delimiter {
  const header = firstNonEmptyLine(text);
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter | null = null;
  for (const d of DELIMITERS) {
    if ((counts.get(d) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0))) best = d;
  }
  if (best === null) {
    throw fileError(
      'CSV_DELIMITER',
      'no delimiter in the header line',
      'The first line has only one column name. Columns must be separated by ";", ",", a tab or "|".',
    );
  }
  return best;
}

function firstNonEmptyLine(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const line of text.slice(start).split(/\r\n|\r|\n/)) {
    if (line.trim() !== '') return line;
  }
  return '';
}
