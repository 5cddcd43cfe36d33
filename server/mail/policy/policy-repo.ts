import { Decimal } from 'decimal.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../errors.js';
import type { ReplyPolicyView } from '../../../wire/documents.js';
import type { BankPolicy } from '../auto-apply.js';
import { findBankWithContactsByTag } from '../bank-lookup.js';
import type { SecretBox } from '../../security/crypto.js';

// Per bank of the directory (document_banks), when its replies may apply by themselves: sender
// authentication and the amount band (bank_reply_policies). Kept beside the bank, not in its row, so
// the directory's own columns (contacts, being encrypted by another change) stay untouched. Every
// query filters on portal_id.

/** A bank never configured: DMARC must pass and only the requested amount itself applies. */
export const DEFAULT_REPLY_POLICY: ReplyPolicyView = { authentication: 'dmarc', bandMin: '1', bandMax: '1' };

const MAX_FACTOR = new Decimal(100);

/** Refuses a band a reply could never meet (min above max) or one that lets any amount through. */
export function checkBand(p: ReplyPolicyView): void {
  const min = new Decimal(p.bandMin);
  const max = new Decimal(p.bandMax);
  if (min.lte(0) || min.gt(max) || max.gt(MAX_FACTOR))
    throw new AppError('MAIL_REPLY_BAND', `band ${p.bandMin}..${p.bandMax}`, undefined, { field: 'replyPolicy' });
}

export async function saveReplyPolicy(db: Executor, portalId: string, bankId: string, p: ReplyPolicyView, nowIso: string): Promise<void> {
  checkBand(p);
  const values = { authentication: p.authentication, band_min: p.bandMin, band_max: p.bandMax, updated_at: nowIso };
  await db
    .insertInto('bank_reply_policies')
    .values({ portal_id: portalId, bank_id: bankId, ...values })
    .onConflict((oc) => oc.columns(['portal_id', 'bank_id']).doUpdateSet(values))
    .execute();
}

export async function replyPolicies(db: Executor, portalId: string, bankIds: string[]): Promise<Map<string, ReplyPolicyView>> {
  const out = new Map<string, ReplyPolicyView>();
  if (bankIds.length === 0) return out;
  const rows = await db
    .selectFrom('bank_reply_policies')
    .select(['bank_id', 'authentication', 'band_min', 'band_max'])
    .where('portal_id', '=', portalId)
    .where('bank_id', 'in', bankIds)
    .execute();
  for (const r of rows) out.set(r.bank_id, { authentication: r.authentication, bandMin: r.band_min, bandMax: r.band_max });
  return out;
}

/**
 * What auto-apply.ts checks a reply against; null when the bank is not in the directory. `bankRef` is
 * what a reply token carries: the bank's 12-character tag (server/mail/bank-tag.ts) or its id; the
 * directory's repository reads the allowed senders (in clear, however they are stored).
 */
export async function bankPolicy(db: Executor, box: SecretBox, portalId: string, bankRef: string): Promise<BankPolicy | null> {
  const bank = await findBankWithContactsByTag(db, box, portalId, bankRef);
  if (!bank) return null;
  const p = (await replyPolicies(db, portalId, [bank.id])).get(bank.id) ?? DEFAULT_REPLY_POLICY;
  return {
    bankId: bankRef,
    allowedSenders: bank.replySenders,
    authentication: p.authentication,
    band: { min: p.bandMin, max: p.bandMax },
  };
}
