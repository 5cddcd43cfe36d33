import type { Decimal } from 'decimal.js';
import type { DnsResolver } from 'mailauth';
import type { CurrencyCode } from './parse/amount.js';
import { autoReplyReason } from './parse/auto-reply.js';
import { decide, type Decision } from './parse/decide.js';
import { stripSubjectPrefixes } from './parse/deal-number.js';
import { splitReply, type SplitReply } from './parse/quote-strip.js';
import { readMessage, type InboundMail } from './parse/read-message.js';
import { autoApplyVerdict, type BankPolicy, type Verdict } from './auto-apply.js';
import { matchReply, type ReplyMatch } from './match.js';
import { checkSenderAuth, type SenderAuth } from './sender-auth.js';

// One reply from raw bytes to a verdict: parse → split fresh/quoted → match → decide → check the
// sender → autoApplyVerdict. What the portal knows (bank policies, what the deal asked for) comes in
// through `ReplyContext`, so this stays free of the database and testable on fixtures.

export interface ReplyContext {
  portalId: string;
  tokenKey: Buffer;
  forwarders: string[];
  policyFor(bankId: string): BankPolicy | null | Promise<BankPolicy | null>;
  requestFor(dealId: number, bankId: string): Requested | null | Promise<Requested | null>;
  resolver?: DnsResolver;
}

type Requested = { amount: Decimal; currency: CurrencyCode };

export interface UnderstoodReply {
  mail: InboundMail;
  split: SplitReply;
  match: ReplyMatch;
  decision: Decision;
  quotedDecision: Decision;
  autoReply: string | null;
  auth: SenderAuth;
  verdict: Verdict;
}

const FORWARD_SUBJECT = /^\s*(?:fw|fwd|rv|enc|tr|wg|пересл)\s*:/i;

export async function understandReply(raw: Buffer, ctx: ReplyContext): Promise<UnderstoodReply> {
  const mail = await readMessage(raw);
  const cut = splitReply(mail.text);
  const split = { ...cut, forwarded: cut.forwarded || (cut.boundary !== null && FORWARD_SUBJECT.test(mail.subject)) };
  const match = matchReply(ctx.tokenKey, ctx.portalId, mail, split);
  const bankId = match.bankId;
  const policy = bankId ? await ctx.policyFor(bankId) : null;
  const requested = bankId && match.dealId ? await ctx.requestFor(match.dealId, bankId) : null;
  const opts = { defaultCurrency: requested?.currency, requested: requested ?? undefined };
  // The subject often carries the decision of a forwarded notice ("RV: Solicitud 456 aprobada") but
  // also our own words; only the fresh text counts.
  const decision = decide(split.fresh, opts);
  const quotedDecision = decide(`${split.quoted}\n${stripSubjectPrefixes(mail.subject)}`, opts);
  const autoReply = autoReplyReason(mail);
  const auth = await checkSenderAuth(raw, { resolver: ctx.resolver });
  const verdict = autoApplyVerdict({
    policy,
    forwarders: ctx.forwarders,
    requested,
    match,
    from: mail.from?.address ?? null,
    auth,
    autoReply,
    decision,
    quotedDecision,
    forwarded: split.forwarded,
  });
  return { mail, split, match, decision, quotedDecision, autoReply, auth, verdict };
}
