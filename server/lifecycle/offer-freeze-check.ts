import { AppError } from '../errors.js';
import type { Executor } from '../db/executor.js';
import type { LoanInput } from '../loans/lending-types.js';
import { findLoanByDeal } from '../loans/loan-repo.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { fieldText } from '../portal-client/field-text.js';
import { changedTerms, freezeOf, type PipelineStageOrder } from './offer-freeze.js';
import { stageEntityId } from './pipelines.js';
import { getDealLifecycle, getStageMap } from './repo.js';

// The loan tab's save refused while the offer is fixed (issue 14 item 1). Runs before saveLoan, so a
// refusal changes nothing. Only a user's save passes here (server/routes/api/loans): the app's own
// saves — the issued stage moving the disbursement day (apply-stage-event.ts) — are not the user
// changing the offer.
//
// What it costs: nothing while the terms are unchanged (a pause, a re-save), the deal's offer was
// never fixed, or its pipeline maps no offer-fixed stage. Otherwise one batch request reads the
// deal's stage as Bitrix24 has it now and its pipeline's stages with their SORT — fresher than our
// record, which waits for the next offline-event drain: a deal moved back a second ago is editable.
// doc: api-reference/crm/deals/crm-deal-get.md (STAGE_ID, CATEGORY_ID),
// api-reference/crm/status/crm-status-list.md (ENTITY_ID DEAL_STAGE[_<id>], SORT, NAME).

export async function refuseFrozenTerms(
  db: Executor,
  portal: () => Promise<Pick<PortalClient, 'batch'>>,
  portalId: string,
  dealId: number,
  req: { terms: LoanInput; productId: string | null },
): Promise<void> {
  const loan = await findLoanByDeal(db, portalId, dealId);
  if (!loan) return;
  const next = { ...req.terms, disbursementDate: req.terms.disbursementDate ?? req.terms.contractDate };
  const changed = changedTerms({ terms: loan.terms, productId: loan.productId }, { terms: next, productId: req.productId });
  if (changed.length === 0) return;
  const row = await getDealLifecycle(db, portalId, dealId);
  if (!row || row.offerVersion === null) return;
  const map = await getStageMap(db, portalId, row.categoryId);
  if (!map || !Object.values(map.onStage).includes('OFFER_FIXED')) return;
  const now = await readStageNow(await portal(), dealId, row.categoryId);
  // Another pipeline now: its own map decides, and this deal never fixed an offer in it.
  if (now.categoryId !== row.categoryId) return;
  const freeze = freezeOf(map, now.stages, { stageId: now.stageId, offerFixed: true });
  if (!freeze) return;
  const params = { stage: freeze.fixedAt.name, back: freeze.backTo?.name ?? '' };
  throw new AppError(
    'TERMS_FROZEN',
    `deal ${dealId} offer fixed at ${freeze.fixedAt.id}; changed: ${changed.join(', ')}`,
    { key: freeze.backTo ? 'TERMS_FROZEN_GO_BACK' : 'TERMS_FROZEN_FIRST_STAGE', params },
    { changed, fixedAtStage: freeze.fixedAt.id, ...(freeze.backTo ? { backToStage: freeze.backTo.id } : {}) },
  );
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
