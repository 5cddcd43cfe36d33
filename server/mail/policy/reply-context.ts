import { Decimal } from 'decimal.js';
import type { Executor } from '../../db/executor.js';
import type { SecretBox } from '../../security/crypto.js';
import type { CurrencyCode } from '../parse/amount.js';
import type { ReplyContext } from '../understand.js';
import { bankPolicy } from './policy-repo.js';

// The database side of understanding a reply (server/mail/understand.ts ReplyContext): the bank's
// policy from the directory and what the deal asked for. The requested amount is the principal of
// the loan saved on the deal (server/loans), not the application's values: the loan is one typed
// Decimal with its currency, the figure the manager calculated and sent in every bank's pack, and a
// local read (the reader understands up to 1,000 replies a minute — no portal call per reply); the
// application's values are free fields of a catalog the portal shapes, with no field that is "the
// amount" for sure. A deal with no saved loan has no requested amount: an approval then goes to review
// ('amount-outside-band'), which is right — nothing says what the bank was asked for.

export async function requestedAmount(
  db: Executor,
  portalId: string,
  dealId: number,
): Promise<{ amount: Decimal; currency: CurrencyCode } | null> {
  const loan = await db
    .selectFrom('loans')
    .select(['principal', 'currency'])
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return loan ? { amount: new Decimal(loan.principal), currency: loan.currency as CurrencyCode } : null;
}

/** The ReplyContext of one portal over the database (the reader's plugin adds the key and forwarders). */
export function replyContextOf(
  db: Executor,
  box: SecretBox,
  base: Pick<ReplyContext, 'portalId' | 'tokenKey' | 'forwarders' | 'resolver'>,
): ReplyContext {
  return {
    ...base,
    policyFor: (bankId) => bankPolicy(db, box, base.portalId, bankId),
    requestFor: (dealId) => requestedAmount(db, base.portalId, dealId),
  };
}
