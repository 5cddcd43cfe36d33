// A Bitrix24 deal ID as a cell shows it: "1234", "1 234" (grouped by a spreadsheet), or "1234.0" /
// "1234,0" (a number cell exported with decimals). Anything else, zero, or more than 15 digits (past
// what a JS number and Excel hold exactly) is not an ID.
const DEAL_ID_RE = /^(\d{1,3}(?: \d{3})+|\d{1,15})(?:[.,]0+)?$/;

export function parseDealId(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u2007\u2009\u202f]+/gu, ' ').trim();
  const m = DEAL_ID_RE.exec(s);
  if (!m) return null;
  const digits = m[1]!.replace(/ /g, '');
  if (digits.replace(/^0+/, '').length > 15) return null;
  const id = Number(digits);
  return id > 0 ? id : null;
}
