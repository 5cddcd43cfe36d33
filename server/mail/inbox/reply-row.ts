import { createHash } from 'node:crypto';
import type { InboundMail } from '../parse/read-message.js';
import type { SenderAuth } from '../sender-auth.js';
import type { UnderstoodReply } from '../understand.js';
import type { NewReply } from './inbox-repo.js';

// What the review queue keeps of an understood reply: the decision, the verdict with every reason,
// and the evidence. The raw message stays in the mailbox; only the fresh text (bounded) is copied.

const MAX_TEXT = 4000;

export function replyRow(raw: Buffer, r: UnderstoodReply): NewReply {
  return {
    dedupe_key: replyDedupeKey(raw, r.mail, r.auth),
    message_id: r.mail.messageId,
    from_address: r.mail.from?.address ?? null,
    subject: r.mail.subject.slice(0, 500),
    received_at: r.mail.date?.toISOString() ?? null,
    deal_id: r.match.dealId,
    bank_id: r.match.bankId,
    matched_by: r.match.by,
    decision: r.decision.kind,
    amount: r.decision.amount?.toString() ?? null,
    currency: r.decision.currency,
    verdict: r.verdict.apply ? 'auto-apply' : 'review',
    reasons: JSON.stringify(r.verdict.reasons),
    understood: JSON.stringify({
      evidence: r.decision.evidence,
      conflicts: r.match.conflicts,
      autoReply: r.autoReply,
      auth: r.auth,
      boundary: r.split.boundary,
      forwarded: r.split.forwarded,
      quotedDecision: r.quotedDecision.kind,
    }),
    fresh_text: r.split.fresh.slice(0, MAX_TEXT),
  };
}

/**
 * What makes two deliveries "the same reply" (mail_replies is unique by portal + this key): the
 * Message-ID AND who vouches for it — the From: domain when DMARC passes or a DKIM signature aligned
 * with it does (sender-auth.ts), else "unauthenticated". A Message-ID alone is not evidence: anyone
 * who saw it (a CC, a leaked thread) can send a forged copy under it, and if that copy arrived first
 * it took the key and the bank's real, signed reply was dropped as its duplicate — the deal never
 * moved. With the vouching domain in the key, a forged copy (unsigned, or signed by the forger's own
 * domain) gets a key of its own and lands in the review queue, while re-deliveries, a restart or
 * the same signed reply reaching us by two routes still share one key and count once. What this
 * cannot separate: when neither copy authenticates (a bank with authentication 'off'), the first
 * one keeps the key — nothing in the bytes tells them apart, and that bank accepts unsigned mail
 * anyway. A copy whose signature broke on the way (a list rewriting it) becomes a second,
 * unauthenticated row: it can only be reviewed, and applying is once per deal decision anyway.
 * No Message-ID: the bytes' hash, as before.
 */
export function replyDedupeKey(raw: Buffer, mail: Pick<InboundMail, 'messageId' | 'from'>, auth: SenderAuth): string {
  if (!mail.messageId) return `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  return `${mail.messageId} ${vouchedBy(mail, auth)}`;
}

function vouchedBy(mail: Pick<InboundMail, 'from'>, auth: SenderAuth): string {
  const from = mail.from?.address?.toLowerCase() ?? '';
  const domain = from.slice(from.lastIndexOf('@') + 1);
  // Message-IDs hold no whitespace, so "<id> domain" cannot collide with another Message-ID's key.
  return (auth.dmarc === 'pass' || auth.dkimAligned) && domain !== '' ? `auth:${domain}` : 'unauthenticated';
}
