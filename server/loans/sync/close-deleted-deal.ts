import type { Executor } from '../../db/executor.js';
import type { PortalGateway } from '../portal-gateway.js';
import { closeLoan, findLoanByDeal } from '../loan-repo.js';
import { dealExists } from './deal-presence.js';
import { hasItemsToRemove, removeScheduleItems, type RemovalReport } from './remove-items.js';
import type { SyncTarget } from './target.js';

export type DealDeletedOutcome =
  /** No loan on that deal: nothing to do (most deleted deals). */
  | { outcome: 'no-loan' }
  /** The portal still has the deal (a late event after a restore, or a forged one): nothing changed. */
  | { outcome: 'deal-exists'; loanId: string }
  | { outcome: 'closed' | 'already-closed'; loanId: string; removal: RemovalReport | null };

export interface DealDeletedDeps {
  /** The portal, opened only when needed (a deal without a loan costs no request). */
  portal: () => Promise<PortalGateway>;
  /** The schedule smart process, resolved only when a lost add forces a listing. */
  target: (gw: PortalGateway) => Promise<SyncTarget>;
  now?: () => Date;
}

/**
 * The reaction to a deal deleted in the portal (ONCRMDEALDELETE, or a sync that found the deal
 * gone): close its loan (DEAL_DELETED) and delete its schedule items from the smart process.
 *
 * - Confirmed first: an event proves only that its sender had the application_token, and it can
 *   arrive after the deal was restored from the recycle bin, so crm.deal.get must answer "Not
 *   found" before anything changes (`confirmedGone` skips that when the portal just said so itself,
 *   in answer to our own crm.deal.update).
 * - The loan row is closed, nothing else: schedule versions and the ledger are kept for audit.
 * - Idempotent, at least once: closing an already closed loan changes nothing, and item removal
 *   resumes from the items still mapped (remove-items.ts), making no request when none are left —
 *   so a duplicate event, a retry after a crash mid-delete, or a queued loan.sync all converge.
 */
export async function closeLoanOfDeletedDeal(
  db: Executor,
  deps: DealDeletedDeps,
  portalId: string,
  dealId: number,
  opts: { confirmedGone?: boolean } = {},
): Promise<DealDeletedOutcome> {
  const now = deps.now ?? (() => new Date());
  const loan = await findLoanByDeal(db, portalId, dealId);
  if (!loan) return { outcome: 'no-loan' };
  let gw: PortalGateway | null = null;
  const portal = async () => (gw ??= await deps.portal());
  // A loan closed for this very reason was confirmed when it was closed; any other must be now.
  if (loan.closedReason !== 'DEAL_DELETED' && !opts.confirmedGone && (await dealExists(await portal(), dealId)))
    return { outcome: 'deal-exists', loanId: loan.id };
  const closedNow =
    loan.status === 'ACTIVE' && (await closeLoan(db, portalId, loan.id, { reason: 'DEAL_DELETED', nowIso: now().toISOString() }));
  const removal = (await hasItemsToRemove(db, portalId, loan.id))
    ? await removeScheduleItems(db, await portal(), portalId, loan, async () => deps.target(await portal()), { now })
    : null;
  return { outcome: closedNow ? 'closed' : 'already-closed', loanId: loan.id, removal };
}
