import type { InboundMail } from './parse/read-message.js';
import { dealNumbers, stripSubjectPrefixes } from './parse/deal-number.js';
import { verifyMessageId, verifyReplyAddress } from './reply-token.js';

// Which deal and bank a reply is about, in the order: our Message-ID in In-Reply-To /
// References, then the signed +token in a recipient (or, for a forward, in the forwarded block's
// "To:" line), then the subject's deal number. Every signal is collected so disagreements are
// reported: the subject alone never moves a deal, and never when other signals disagree. Pure.

export type MatchedBy = 'message-id' | 'token' | 'forwarded-token' | 'subject';

export interface ReplyMatch {
  dealId: number | null;
  bankId: string | null;
  by: MatchedBy | null;
  /** Human-readable disagreements ("subject names deal 457"); empty when all signals agree. */
  conflicts: string[];
}

export function matchReply(
  key: Buffer,
  portalId: string,
  mail: InboundMail,
  split: { fresh: string; quoted: string; forwarded: boolean },
): ReplyMatch {
  const byId = uniq([...mail.inReplyTo, ...mail.references].map((id) => verifyMessageId(key, portalId, id)));
  const byToken = uniq(mail.recipients.map((a) => verifyReplyAddress(key, portalId, a)));
  const quotedAddresses = split.forwarded ? [...split.quoted.matchAll(/[\w.+-]+\+[\w.-]+@[\w.-]+/g)].map((m) => m[0]) : [];
  const byForward = uniq(quotedAddresses.map((a) => verifyReplyAddress(key, portalId, a)));
  const subjectDeals = dealNumbers(stripSubjectPrefixes(mail.subject));

  const conflicts: string[] = [];
  const [primary, by] = byId[0]
    ? [byId[0], 'message-id' as const]
    : byToken[0]
      ? [byToken[0], 'token' as const]
      : byForward[0]
        ? [byForward[0], 'forwarded-token' as const]
        : [null, null];
  for (const t of [...byId, ...byToken, ...byForward])
    if (primary && (t.dealId !== primary.dealId || t.bankId !== primary.bankId))
      conflicts.push(`signals name deal ${t.dealId} / bank ${t.bankId}`);

  if (!primary) {
    const only = subjectDeals.length === 1 ? subjectDeals[0]! : null;
    if (subjectDeals.length > 1) conflicts.push(`subject names deals ${subjectDeals.join(', ')}`);
    return { dealId: only, bankId: null, by: only ? 'subject' : null, conflicts: withBody(conflicts, split.fresh, only) };
  }
  for (const n of subjectDeals) if (n !== primary.dealId) conflicts.push(`subject names deal ${n}`);
  return { dealId: primary.dealId, bankId: primary.bankId, by, conflicts: withBody(conflicts, split.fresh, primary.dealId) };
}

function withBody(conflicts: string[], fresh: string, dealId: number | null): string[] {
  for (const n of dealNumbers(fresh)) if (n !== dealId) conflicts.push(`text names deal ${n}`);
  return [...new Set(conflicts)];
}

function uniq<T extends { dealId: number; bankId: string }>(xs: (T | null)[]): T[] {
  const out: T[] = [];
  for (const x of xs) if (x && !out.some((o) => o.dealId === x.dealId && o.bankId === x.bankId)) out.push(x);
  return out;
}
