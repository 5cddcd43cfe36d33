import type { Decimal } from 'decimal.js';
import type { CurrencyCode } from './parse/amount.js';
import type { Decision } from './parse/decide.js';
import type { ReplyMatch } from './match.js';
import type { SenderAuth } from './sender-auth.js';

// Whether a understood reply may move a deal by itself. It lists EVERY reason it refuses (not the
// first), so the review queue shows the whole story and a fix for one reason does not reveal another
// later. Pure: the bank's policy, the deal's request and the parsed reply come in as arguments.

export type RefusalReason =
  | 'no-match'
  | 'matched-by-subject-only'
  | 'match-conflict'
  | 'sender-not-allowed'
  | 'sender-not-authenticated'
  | 'auto-reply'
  | 'no-decision'
  | 'ambiguous-decision'
  | 'decision-only-in-quote'
  | 'amount-missing'
  | 'amount-ambiguous'
  | 'currency-mismatch'
  | 'amount-outside-band';

export interface BankPolicy {
  bankId: string;
  /** Addresses ("credito@banco.mx") or whole domains ("@banco.mx"), lower-case. */
  allowedSenders: string[];
  /**
   * 'dmarc': DMARC passes for the From: domain; 'dkim': a DKIM signature aligned with From: passes (a
   * bank with no DMARC record yet); 'off': not checked, while the bank's domain is not set up.
   */
  authentication: 'dmarc' | 'dkim' | 'off';
  /** The granted amount must lie in [requested × min, requested × max]. */
  band: { min: string; max: string };
}

export interface VerdictInput {
  policy: BankPolicy | null;
  /** Our own staff who forward a bank's decision with the result written on top. */
  forwarders: string[];
  requested: { amount: Decimal; currency: CurrencyCode } | null;
  match: ReplyMatch;
  from: string | null;
  auth: SenderAuth;
  autoReply: string | null;
  decision: Decision;
  /** The decision read from the quoted part, to tell "only in quoted text" from "no decision". */
  quotedDecision: Decision;
  forwarded: boolean;
}

export interface Verdict {
  apply: boolean;
  reasons: RefusalReason[];
}

export function autoApplyVerdict(v: VerdictInput): Verdict {
  const reasons: RefusalReason[] = [];
  const add = (r: RefusalReason, when: boolean): void => void (when && reasons.push(r));

  add('no-match', v.match.by === null);
  add('matched-by-subject-only', v.match.by === 'subject');
  add('match-conflict', v.match.conflicts.length > 0);
  add('sender-not-allowed', senderRole(v) === null);
  add('sender-not-authenticated', !authenticated(v));
  add('auto-reply', v.autoReply !== null);
  add('ambiguous-decision', v.decision.ambiguous);
  add('decision-only-in-quote', v.decision.kind === null && !v.decision.ambiguous && v.quotedDecision.kind !== null);
  add('no-decision', v.decision.kind === null && !v.decision.ambiguous && v.quotedDecision.kind === null);

  if (v.decision.kind === 'approved' || v.decision.kind === 'counter-offer') {
    const { amount, currency } = v.decision;
    add('amount-missing', amount === null);
    add('amount-ambiguous', v.decision.amountAmbiguous);
    if (amount && v.requested) {
      add('currency-mismatch', currency !== null && currency !== v.requested.currency);
      const band = v.policy?.band ?? { min: '1', max: '1' };
      add('amount-outside-band', amount.lt(v.requested.amount.times(band.min)) || amount.gt(v.requested.amount.times(band.max)));
    }
    add('amount-outside-band', amount !== null && !v.requested);
  }
  return { apply: reasons.length === 0, reasons };
}

/** Who the sender is to us: one of the bank's people, one of our forwarders (a forwarded notice only), or nobody. */
function senderRole(v: VerdictInput): 'bank' | 'forwarder' | null {
  const from = v.from?.toLowerCase();
  if (!from || !v.policy) return null;
  const domain = from.slice(from.lastIndexOf('@'));
  const listed = (list: string[]) => list.some((a) => a.toLowerCase() === from || a.toLowerCase() === domain);
  if (listed(v.policy.allowedSenders)) return 'bank';
  // Forwarders are whole addresses (server/mail/settings/forwarders.ts), never a domain.
  if (v.forwarded && v.forwarders.some((a) => a.toLowerCase() === from)) return 'forwarder';
  return null;
}

function authenticated(v: VerdictInput): boolean {
  // A forwarder's message is judged by OUR domain, never by the bank's setting: the bank's 'dkim' or
  // 'off' is a concession for a bank whose domain is not set up, while a From: naming our own staff is
  // the easiest thing to forge — anyone can write it — and our domain is ours to sign. So a forwarded
  // decision counts only when the forwarder's own domain passes DMARC, or a DKIM signature aligned
  // with it does (relaxed alignment, sender-auth.ts).
  if (senderRole(v) === 'forwarder') return v.auth.dmarc === 'pass' || v.auth.dkimAligned;
  const mode = v.policy?.authentication ?? 'dmarc';
  if (mode === 'off') return true;
  if (mode === 'dkim') return v.auth.dkimAligned || v.auth.dmarc === 'pass';
  return v.auth.dmarc === 'pass';
}
