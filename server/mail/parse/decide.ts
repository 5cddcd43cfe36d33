import type { Decimal } from 'decimal.js';
import { findMoney, type CurrencyCode, type MoneyMention } from './amount.js';

// What the bank decided, from the fresh text of a reply (quote-strip.ts) in ru/es/en. Pure.
// Negated approvals ("не одобрено", "no fue aprobado", "not approved") are rejections and are taken
// out before approvals are looked for, so they never count twice.

export type DecisionKind = 'approved' | 'rejected' | 'counter-offer';

export interface Decision {
  /** Null when no decision word was found, or words for both sides were (see `ambiguous`). */
  kind: DecisionKind | null;
  ambiguous: boolean;
  amount: Decimal | null;
  currency: CurrencyCode | null;
  /** More than one different amount could be the granted one. */
  amountAmbiguous: boolean;
  /** The words that decided, for the review queue. */
  evidence: string[];
}

export interface DecideOptions {
  /** The deal's currency: what "$" or a bare number means. */
  defaultCurrency?: CurrencyCode;
  /** What was asked for: an approval for a different amount is a counter-offer. */
  requested?: { amount: Decimal; currency: CurrencyCode };
}

const NEGATED_APPROVAL =
  /(?:не\s+(?:был[аио]?\s+)?(?:одобр|согласова)\S*|no\s+(?:fue\s+|ha\s+sido\s+|es\s+|ser[áa]\s+)?(?:aprobad|autorizad)\S*|no\s+(?:podemos|es\s+posible)\s+(?:aprobar|autorizar)|not\s+(?:been\s+)?approved|(?:cannot|can't|unable\s+to|could\s+not)\s+approve)/giu;
const REJECTED =
  /(?:отказ\S*|отклон\S*|rechaz\S*|declin\S*|denegad\S*|negad[oa]\b|no\s+procede|improcedente|rejected|denied|turned\s+down)/giu;
const APPROVED =
  /(?:одобр\S*|согласова\S*|aprobad\S*|aprobamos|aprobaci[óo]n|autorizad\S*|autorizamos|approved?\b|we\s+approve|accepted)/giu;
const CONDITION =
  /(?:при\s+условии|с\s+условием|на\s+условиях|с\s+поручител|под\s+залог|встречн\S*|вместо|subject\s+to|on\s+condition|provided\s+that|with\s+conditions?|instead\s+of|counter[-\s]?offer|con\s+(?:la\s+)?condici[óo]n|sujet[oa]\s+a|condicionad\S*|contraoferta|en\s+lugar\s+de|en\s+vez\s+de|con\s+aval)/giu;

export function decide(fresh: string, opts: DecideOptions = {}): Decision {
  const text = fresh.replace(/\s+/g, ' ');
  const evidence: string[] = [];
  const negated = grab(text, NEGATED_APPROVAL, evidence);
  const rest = text.replace(NEGATED_APPROVAL, ' ');
  const rejected = negated + grab(rest, REJECTED, evidence);
  const approved = grab(rest, APPROVED, evidence);
  const conditional = grab(rest, CONDITION, evidence);

  const money = pickMoney(findMoney(fresh), opts);
  const base = { amount: money.amount, currency: money.currency, amountAmbiguous: money.ambiguous, evidence };
  if (rejected > 0 && approved > 0) return { kind: null, ambiguous: true, ...base };
  if (rejected > 0) return { kind: 'rejected', ambiguous: false, ...base };
  if (approved === 0) return { kind: null, ambiguous: false, ...base };
  const differs = opts.requested && money.amount && !money.amount.equals(opts.requested.amount);
  return { kind: conditional > 0 || differs ? 'counter-offer' : 'approved', ambiguous: false, ...base };
}

function grab(text: string, re: RegExp, evidence: string[]): number {
  const found = [...text.matchAll(re)].map((m) => m[0].trim());
  evidence.push(...found);
  return found.length;
}

function pickMoney(
  all: MoneyMention[],
  opts: DecideOptions,
): { amount: Decimal | null; currency: CurrencyCode | null; ambiguous: boolean } {
  const granted = all.filter((m) => !m.insteadOf);
  const marked = granted.filter((m) => m.marked);
  const pool = marked.length > 0 ? marked : granted;
  const first = pool[0];
  if (!first) return { amount: null, currency: null, ambiguous: false };
  const currency = first.currency ?? opts.defaultCurrency ?? null;
  const ambiguous = pool.some((m) => !m.amount.equals(first.amount) || (m.currency && currency && m.currency !== currency));
  return { amount: first.amount, currency, ambiguous };
}
