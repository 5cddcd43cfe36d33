import type { Executor } from '../../db/executor.js';
import type { BankInput, BankView } from '../../../wire/documents.js';
import { checkBand, DEFAULT_REPLY_POLICY, replyPolicies, saveReplyPolicy } from './policy-repo.js';

// The banks API (routes/api/documents/banks.ts) carries each bank's reply policy: read beside the
// directory's rows, saved after them when the body has one (checked first, so a bad band changes
// nothing).

export async function withReplyPolicies(db: Executor, portalId: string, banks: BankView[]): Promise<BankView[]> {
  const policies = await replyPolicies(
    db,
    portalId,
    banks.map((b) => b.id),
  );
  return banks.map((b) => ({ ...b, replyPolicy: policies.get(b.id) ?? DEFAULT_REPLY_POLICY }));
}

export function checkReplyPolicy(body: BankInput): void {
  if (body.replyPolicy) checkBand(body.replyPolicy);
}

export async function saveBankReplyPolicy(db: Executor, portalId: string, bank: BankView, body: BankInput): Promise<BankView> {
  if (body.replyPolicy) await saveReplyPolicy(db, portalId, bank.id, body.replyPolicy, new Date().toISOString());
  return (await withReplyPolicies(db, portalId, [bank]))[0]!;
}
