import { Decimal } from 'decimal.js';

// Money as bank staff write it in ru/es/en: "1 500 000", "1.500.000 руб.", "1,5 млн", "$150,000.00",
// "150,000 MXN", "150 mil pesos", "2 MDP". Pure; the caller chooses which mention is the decision's.

export type CurrencyCode = 'RUB' | 'MXN' | 'USD' | 'EUR';

export interface MoneyMention {
  amount: Decimal;
  /** Null when only "$" or nothing names it: the caller falls back to the deal's currency. */
  currency: CurrencyCode | null;
  /** "$" was written: pesos or dollars, whichever the deal is in. */
  dollarSign: boolean;
  /** A currency, a multiplier or an amount word stood next to it (not just a bare number). */
  marked: boolean;
  /** Written right after "instead of" / "en lugar de" / "вместо": the amount asked for, not granted. */
  insteadOf: boolean;
  index: number;
  text: string;
}

const NUMBER = String.raw`\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;
const MULT = String.raw`млн\.?|миллион(?:а|ов)?|тыс\.?|тысяч[аи]?|millones|millón|millon|million(?:s)?|mil|mdp|mln|mm|m|k`;
const CUR_AFTER = String.raw`руб(?:\.|л(?:ей|я|ь))?|р\.|₽|rub|rur|mxn|mxp|pesos?|m\.?n\.?|usd|us\$|d[oó]lares|dollars?|долл(?:\.|ар(?:ов|а)?)?|eur|euros?|€`;
const CUR_BEFORE = String.raw`us\$|usd|mxn|rub|eur|\$|€|₽`;
const KEYWORD = String.raw`(?:monto|importe|cantidad|suma|amount|сумм[аеуы]|на\s+сумму|por|for|of|de|на|в\s+размере|limit|l[íi]mite|лимит)`;
const INSTEAD =
  /(?:instead\s+of|rather\s+than|en\s+lugar\s+de|en\s+vez\s+de|вместо|против\s+запрошенных|requested|solicitad[oa]s?|запрошенн\S*)\s*[:\-–]?\s*$/i;
const ID_BEFORE =
  /(?:#|№|no\.|n[úu]m(?:ero|\.)?|deal|negociaci[óo]n|solicitud|expediente|folio|сделк\S*|заявк\S*|договор\S*|id)\s*[:#№]?\s*$/i;
const NOT_MONEY_AFTER =
  /^\s*(?:%|процент|por\s*ciento|percent|mes(?:es)?\b|months?\b|мес|дн|d[íi]as?\b|days?\b|a[ñn]os?\b|years?\b|лет\b|год|г\.|:\d)/i;

const PHONE = /(?:\+|(?:tel|tel[ée]fono|phone|m[óo]vil|cel|тел|телефон|моб)\.?:?\s*)\(?\d[\d\s()\-.]{5,}\d/giu;

const MENTION = new RegExp(
  String.raw`(?<before>(?:${CUR_BEFORE})\s?)?(?<num>${NUMBER})(?:\s?(?<mult>${MULT})(?![\p{L}]))?(?:\s?(?:de\s+)?(?<cur>${CUR_AFTER})(?![\p{L}]))?`,
  'giu',
);

const MULTIPLIER: Record<string, number> = {
  млн: 1e6,
  миллион: 1e6,
  millones: 1e6,
  millón: 1e6,
  millon: 1e6,
  million: 1e6,
  mdp: 1e6,
  mln: 1e6,
  mm: 1e6,
  m: 1e6,
  тыс: 1e3,
  тысяч: 1e3,
  mil: 1e3,
  k: 1e3,
};

/** Every money-like mention in `text`, in order; dates, percentages, terms and ids are left out. */
export function findMoney(written: string): MoneyMention[] {
  // Phone numbers (after "+" or a phone word) are blanked out first, keeping every index in place.
  const text = written.replace(PHONE, (m) => ' '.repeat(m.length));
  const out: MoneyMention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    const index = m.index ?? 0;
    const before = text.slice(Math.max(0, index - 40), index);
    const after = text.slice(index + m[0].length);
    if (/[\d.,/:\-]$/.test(before) || /^[\d/]|^[.,]\d|^-\d/.test(after)) continue; // part of a date, time or id
    if (!g.before && ID_BEFORE.test(before)) continue;
    if (!g.cur && NOT_MONEY_AFTER.test(after)) continue;
    const mult = g.mult ? multiplierOf(g.mult) : 1;
    const amount = parseNumber(num, mult !== 1);
    if (!amount) continue;
    const currency = currencyOf(g.before, g.cur) ?? (g.mult?.toLowerCase() === 'mdp' ? 'MXN' : null);
    const dollarSign = /^\$/.test((g.before ?? '').trim()) || (g.cur ?? '').toLowerCase() === 'm.n.';
    const keyword = new RegExp(String.raw`${KEYWORD}\s*[:\-–]?\s*$`, 'iu').test(before);
    const marked = Boolean(g.before || g.cur || g.mult) || keyword;
    const value = amount.times(mult);
    // A bare number is money only when it looks like it (grouped or ≥ 1000 and not a year).
    if (!marked && !(/[ \u00a0\u202f.,']\d{3}/.test(num) || (value.gte(1000) && !/^(19|20)\d\d$/.test(num) && num.length <= 9))) continue;
    out.push({ amount: value, currency, dollarSign, marked, insteadOf: INSTEAD.test(before), index, text: m[0].trim() });
  }
  return out;
}

function multiplierOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [k, v] of Object.entries(MULTIPLIER)) if (w === k || (k.length > 3 && w.startsWith(k))) return v;
  return 1;
}

function currencyOf(before: string | undefined, after: string | undefined): CurrencyCode | null {
  const s = `${before ?? ''} ${after ?? ''}`.toLowerCase();
  if (/us\$|usd|d[oó]lar|dollar|долл/.test(s)) return 'USD';
  if (/mxn|mxp|peso|m\.?n\.?/.test(s)) return 'MXN';
  if (/руб|р\.|₽|rub|rur/.test(s)) return 'RUB';
  if (/eur|€/.test(s)) return 'EUR';
  return null;
}

/**
 * "1 500 000", "1.500.000", "150,000.00", "150.000,00", "1,5" (with a multiplier). With both "." and ","
 * the last is the decimal mark; a single separator followed by exactly three digits groups thousands
 * unless a multiplier follows ("1,500 млн" is rare, "1,5 млн" is not).
 */
export function parseNumber(raw: string, hasMultiplier = false): Decimal | null {
  const s = raw.replace(/[\u00a0\u202f' ]/g, ' ');
  const marks = [...s.matchAll(/[.,]/g)].map((x) => x[0]);
  let normal: string;
  if (marks.length === 0) normal = s.replace(/ /g, '');
  else {
    const lastPos = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
    const last = s[lastPos];
    const tail = s.slice(lastPos + 1);
    const distinct = new Set(marks).size;
    const decimal = distinct > 1 || (marks.length === 1 && (tail.length !== 3 || hasMultiplier)) || (s.includes(' ') && tail.length !== 3);
    normal = decimal
      ? s.slice(0, lastPos).replace(/[ .,]/g, '') + '.' + tail
      : s.replace(new RegExp(`[ ${last === '.' ? '.' : ','}]`, 'g'), '');
    if (/[.,]/.test(normal.replace(/\.(\d+)$/, ''))) return null;
  }
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  return new Decimal(normal);
}
