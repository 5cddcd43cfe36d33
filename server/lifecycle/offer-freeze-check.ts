import { AppError } from '../errors.js';
import type { Executor } from '../db/executor.js';
import type { LoanInput } from '../loans/lending-types.js';
import { findLoanByDeal } from '../loans/loan-repo.js';
import type { Loan } from '../loans/loan.js';
import type { InTransactionGuard } from '../loans/operations/save-loan.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { fieldText } from '../portal-client/field-text.js';
import { changedTerms, freezeOf, type PipelineStageOrder } from './offer-freeze.js';
import { stageEntityId } from './pipelines.js';
import { getDealLifecycle, getStageMap, type DealLifecycle } from './repo.js';

// The loan tab's save refused while the offer is fixed (issue 14 item 1). Only a user's save passes
// here (server/routes/api/loans): the app's own saves — the issued stage moving the disbursement day
// (apply-stage-event.ts) — are not the user changing the offer.
//
// Two halves, because the deal's stage is read from Bitrix24 and a network call has no place inside
// a transaction (on SQLite it would hold the one writer's lock for its whole round trip):
// - `readOfferFreeze`, before the save: refuses with the stage names when the offer is fixed now,
//   else notes what it read (the deal's lifecycle row and, when it asked, the portal's answer);
// - the guard it returns, run by saveLoan inside its transaction with the loan's row held: reads the
//   freeze state again there. An offer fixed between the two (the apply job commits `offer_version`
//   holding the same loan row, apply-stage-event.ts) shows as a changed row, and the save is refused
//   with the table's TERMS_FROZEN text — frozen is the safe side; saving again reads the portal anew.
//
// What it costs: nothing while the terms are unchanged (a pause, a re-save), the deal's offer was
// never fixed, or its pipeline maps no offer-fixed stage. Otherwise one batch request reads the
// deal's stage as Bitrix24 has it now and its pipeline's stages with their SORT — fresher than our
// record, which waits for the next offline-event drain: a deal moved back a second ago is editable.
// doc: api-reference/crm/deals/crm-deal-get.md (STAGE_ID, CATEGORY_ID),
// api-reference/crm/status/crm-status-list.md (ENTITY_ID DEAL_STAGE[_<id>], SORT, NAME).

type SaveRequest = { terms: LoanInput; productId: string | null };

/** The freeze as read before the transaction: throws TERMS_FROZEN when fixed now, else the in-transaction guard. */
export async function readOfferFreeze(
  db: Executor,
  portal: () => Promise<Pick<PortalClient, 'batch'>>,
  portalId: string,
  dealId: number,
  req: SaveRequest,
): Promise<InTransactionGuard> {
  const row = await getDealLifecycle(db, portalId, dealId);
  // True when the portal was asked and said the deal is not frozen (moved back, another pipeline).
  const thawed = await thawedNow(db, portal, portalId, dealId, req, row);
  const seen = rowKey(row);
  return async (trx, saved, next) => {
    if (!(await mayBeFrozen(trx, portalId, saved, next))) return;
    const now = await getDealLifecycle(trx, portalId, dealId);
    if (thawed && rowKey(now) === seen) return;
    throw new AppError('TERMS_FROZEN', `deal ${dealId} offer fixed while saving (${seen} → ${rowKey(now)})`, undefined, {
      changed: changedOf(saved, next),
    });
  };
}

async function thawedNow(
  db: Executor,
  portal: () => Promise<Pick<PortalClient, 'batch'>>,
  portalId: string,
  dealId: number,
  req: SaveRequest,
  row: DealLifecycle | null,
): Promise<boolean> {
  const loan = await findLoanByDeal(db, portalId, dealId);
  if (!loan || !row || !(await mayBeFrozen(db, portalId, loan, req))) return false;
  const map = await getStageMap(db, portalId, row.categoryId);
  if (!map) return false;
  const now = await readStageNow(await portal(), dealId, row.categoryId);
  // Another pipeline now: its own map decides, and this deal never fixed an offer in it.
  if (now.categoryId !== row.categoryId) return true;
  const freeze = freezeOf(map, now.stages, { stageId: now.stageId, offerFixed: true });
  if (!freeze) return true;
  const changed = changedOf(loan, req);
  const params = { stage: freeze.fixedAt.name, back: freeze.backTo?.name ?? '' };
  throw new AppError(
    'TERMS_FROZEN',
    `deal ${dealId} offer fixed at ${freeze.fixedAt.id}; changed: ${changed.join(', ')}`,
    { key: freeze.backTo ? 'TERMS_FROZEN_GO_BACK' : 'TERMS_FROZEN_FIRST_STAGE', params },
    { changed, fixedAtStage: freeze.fixedAt.id, ...(freeze.backTo ? { backToStage: freeze.backTo.id } : {}) },
  );
}

/** Our record alone: terms changed, an offer fixed on the deal, and its pipeline maps an offer-fixed stage. */
async function mayBeFrozen(db: Executor, portalId: string, saved: Loan, req: SaveRequest): Promise<boolean> {
  if (changedOf(saved, req).length === 0) return false;
  const row = await getDealLifecycle(db, portalId, saved.dealId);
  if (!row || row.offerVersion === null) return false;
  const map = await getStageMap(db, portalId, row.categoryId);
  return !!map && Object.values(map.onStage).includes('OFFER_FIXED');
}

function changedOf(saved: Loan, req: SaveRequest): string[] {
  const next = { ...req.terms, disbursementDate: req.terms.disbursementDate ?? req.terms.contractDate };
  return changedTerms({ terms: saved.terms, productId: saved.productId }, { terms: next, productId: req.productId });
}

/** What of the lifecycle row decides the freeze: a fix or a stage move recorded meanwhile changes it. */
function rowKey(row: DealLifecycle | null): string {
  return row ? `${row.categoryId}/${row.stageId}/v${row.offerVersion ?? '-'}` : 'none';
}

interface StatusRow {
  STATUS_ID: string;
  NAME: string;
  SORT: string | number;
}

async function readStageNow(
  portal: Pick<PortalClient, 'batch'>,
  dealId: number,
  categoryId: number,
): Promise<{ stageId: string; categoryId: number; stages: PipelineStageOrder[] }> {
  const r = await portal.batch<unknown>({
    deal: { method: 'crm.deal.get', params: { id: dealId } },
    stages: { method: 'crm.status.list', params: { filter: { ENTITY_ID: stageEntityId(categoryId) }, order: { SORT: 'ASC' } } },
  });
  const err = r.errors.deal ?? r.errors.stages;
  if (err) throw new AppError('UPSTREAM', `offer freeze read of deal ${dealId}: ${err.code} ${err.description}`);
  const deal = (r.results.deal ?? {}) as Record<string, unknown>;
  const rows = (r.results.stages ?? []) as StatusRow[];
  return {
    stageId: fieldText(deal.STAGE_ID),
    categoryId: Number(deal.CATEGORY_ID ?? 0) || 0,
    stages: rows.map((s) => ({ id: s.STATUS_ID, name: (s.NAME ?? '').trim() || s.STATUS_ID, sort: Number(s.SORT) })),
  };
}
