import type { Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import { parseJsonColumn } from '../loans/json-column.js';
import type { LoanProductsTable } from '../loans/tables.js';
import type { LoanProduct } from './product.js';

function toProduct(r: Selectable<LoanProductsTable>): LoanProduct {
  return {
    id: r.id,
    name: r.name,
    method: r.method,
    rateUnit: r.rate_unit === 'daily' ? 'daily' : 'annual',
    rateMin: r.rate_min,
    rateMax: r.rate_max,
    termMin: Number(r.term_min),
    termMax: Number(r.term_max),
    amountMin: r.amount_min,
    amountMax: r.amount_max,
    currency: r.currency,
    fees: parseJsonColumn(r.fees, 'loan_products.fees'),
    dayCount: r.day_count,
    profile: r.profile,
    payoffInterest: r.payoff_interest === 'whole-period' ? 'whole-period' : 'pro-rata',
    catBasis: r.cat_basis === 'periods' || r.cat_basis === 'dates' ? r.cat_basis : null,
    lateFees: parseJsonColumn(r.late_fees, 'loan_products.late_fees'),
    delinquencyGraceDays: r.delinquency_grace_days === null ? null : Number(r.delinquency_grace_days),
    lateFeesWaivable: Number(r.late_fees_waivable) === 1,
    installmentStep: r.installment_step,
    annuityMode:
      r.annuity_mode === 'fixed-payment' || r.annuity_mode === 'resolved' || r.annuity_mode === 'fineract' ? r.annuity_mode : null,
    active: Number(r.active) === 1,
  };
}

export async function listProducts(db: Executor, portalId: string, opts: { includeInactive?: boolean } = {}): Promise<LoanProduct[]> {
  let q = db.selectFrom('loan_products').selectAll().where('portal_id', '=', portalId);
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  const rows = await q.orderBy('name').orderBy('id').execute();
  return rows.map(toProduct);
}

export async function getProduct(db: Executor, portalId: string, id: string): Promise<LoanProduct | null> {
  const r = await db.selectFrom('loan_products').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return r ? toProduct(r) : null;
}

/** Insert or replace one product (by id). Products are never deleted: loans refer to them. */
export async function upsertProduct(db: Executor, portalId: string, p: LoanProduct, nowIso: string): Promise<void> {
  const values = {
    name: p.name,
    method: p.method,
    rate_unit: p.rateUnit,
    rate_min: p.rateMin,
    rate_max: p.rateMax,
    term_min: p.termMin,
    term_max: p.termMax,
    amount_min: p.amountMin,
    amount_max: p.amountMax,
    currency: p.currency,
    fees: JSON.stringify(p.fees),
    day_count: p.dayCount,
    profile: p.profile,
    payoff_interest: p.payoffInterest ?? 'pro-rata',
    cat_basis: p.catBasis ?? null,
    late_fees: JSON.stringify(p.lateFees ?? []),
    delinquency_grace_days: p.delinquencyGraceDays ?? null,
    late_fees_waivable: p.lateFeesWaivable ? 1 : 0,
    installment_step: p.installmentStep ?? null,
    annuity_mode: p.annuityMode ?? null,
    active: p.active ? 1 : 0,
    updated_at: nowIso,
  };
  await db
    .insertInto('loan_products')
    .values({ portal_id: portalId, id: p.id, created_at: nowIso, ...values })
    .onConflict((oc) => oc.columns(['portal_id', 'id']).doUpdateSet(values))
    .execute();
}

/** Products of the portal not in `keepIds` become inactive (a PUT of the whole list). */
export async function deactivateOthers(db: Executor, portalId: string, keepIds: string[], nowIso: string): Promise<void> {
  let q = db.updateTable('loan_products').set({ active: 0, updated_at: nowIso }).where('portal_id', '=', portalId).where('active', '=', 1);
  if (keepIds.length > 0) q = q.where('id', 'not in', keepIds);
  await q.execute();
}
