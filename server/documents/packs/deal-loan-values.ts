// The loan-sourced fields' values of a deal as they are now: read from the saved loan's current
// schedule version (loan-figures.ts). The pack's fill job fills documents with them; the values route
// answers them beside the typed ones, so the Documents tab shows what a document will take — a user
// trial saw «Сумма 50 000,00» there after the loan had been saved at 150 000,00 ₽.
import type { Executor } from '../../db/executor.js';
import type { UserLanguage } from '../../errors.js';
import { findLoanByDeal } from '../../loans/loan-repo.js';
import { getScheduleVersion } from '../../loans/schedule-version-repo.js';
import type { CatalogField } from '../catalog/catalog-field.js';
import { loanValues, type SavedLoan } from './loan-figures.js';

/** The deal's saved loan as the figures read it, or null (no loan, or no field wants one). */
export async function savedLoanOf(
  db: Executor,
  portalId: string,
  dealId: number,
  fields: readonly CatalogField[],
): Promise<SavedLoan | null> {
  if (!fields.some((f) => f.source?.kind === 'loan')) return null;
  const loan = await findLoanByDeal(db, portalId, dealId);
  const version = loan ? await getScheduleVersion(db, portalId, loan.id, loan.currentScheduleVersion) : null;
  if (!loan || !version) return null;
  return {
    currency: version.terms.currency,
    principal: version.terms.principal,
    annualRatePercent: version.terms.rate.annualPercent ?? null,
    installmentAmount: version.installmentAmount,
    rows: version.rows,
    totals: version.totals,
    effectiveRates: version.effectiveRates,
  };
}

/** code → value of each loan-sourced field the saved loan gives. */
export async function dealLoanValues(
  db: Executor,
  portalId: string,
  dealId: number,
  fields: readonly CatalogField[],
  lang: UserLanguage,
): Promise<Record<string, unknown>> {
  return loanValues(fields, await savedLoanOf(db, portalId, dealId, fields), lang);
}
