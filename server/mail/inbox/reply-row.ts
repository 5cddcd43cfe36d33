import { createHash } from 'node:crypto';
import type { UnderstoodReply } from '../understand.js';
import type { NewReply } from './inbox-repo.js';

// What the review queue keeps of an understood reply: the decision, the verdict with every reason,
// and the evidence. The raw message stays in the mailbox; only the fresh text (bounded) is copied.

const MAX_TEXT = 4000;

export function replyRow(raw: Buffer, r: UnderstoodReply): NewReply {
  return {
    dedupe_key: r.mail.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`,
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
