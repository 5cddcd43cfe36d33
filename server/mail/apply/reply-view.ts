import type { Executor } from '../../db/executor.js';
import type { MailReply } from '../../../wire/mail-replies.js';
import type { StoredReply } from './reply-repo.js';
import { findBankByTag } from '../bank-lookup.js';

// A stored reply as the review queue shows it (wire/mail-replies.ts): with its bank's name and a link
// to its deal's card in the portal.

export async function replyViews(db: Executor, portalId: string, replies: StoredReply[]): Promise<MailReply[]> {
  // A reply names its bank by the token's tag (server/mail/bank-tag.ts) or id: one look-up each.
  const refs = [...new Set(replies.map((r) => r.bankId).filter((b): b is string => b !== null))];
  const names = new Map<string, string>();
  for (const ref of refs) {
    const bank = await findBankByTag(db, portalId, ref);
    if (bank) names.set(ref, bank.name);
  }
  const portal = await db.selectFrom('portals').select(['client_endpoint']).where('id', '=', portalId).executeTakeFirst();
  const origin = portal ? originOf(portal.client_endpoint) : null;
  return replies.map((r) => ({
    id: r.id,
    subject: r.subject,
    from: r.fromAddress,
    receivedAt: r.receivedAt,
    freshText: r.freshText,
    dealId: r.dealId,
    dealUrl: r.dealId !== null && origin ? `${origin}/crm/deal/details/${r.dealId}/` : null,
    bankId: r.bankId,
    bankName: r.bankId ? (names.get(r.bankId) ?? null) : null,
    decision: r.decision,
    amount: r.amount,
    currency: r.currency,
    matchedBy: r.matchedBy,
    verdict: r.verdict,
    reasons: r.reasons,
    status: r.status,
    createdAt: r.createdAt,
    decidedBy: r.decidedBy,
    applicable: r.dealId !== null && r.bankId !== null && r.decision !== null,
  }));
}

function originOf(endpoint: string): string | null {
  try {
    return new URL(endpoint).origin;
  } catch {
    return null;
  }
}
