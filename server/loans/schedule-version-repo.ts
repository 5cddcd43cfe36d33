import type { Executor } from '../db/executor.js';
import { parseJsonColumn } from './json-column.js';
import type { LoanInput, Schedule, ScheduleRow } from './lending-types.js';
import type { ScheduleVersion } from './loan.js';

export async function insertScheduleVersion(
  db: Executor,
  portalId: string,
  v: {
    loanId: string;
    version: number;
    terms: LoanInput;
    schedule: Schedule;
    reason: string;
    createdBy: number | null;
    nowIso: string;
    /** Set when prepayments rebuilt this version: the version servicing starts from. */
    baseVersion?: number | null;
  },
): Promise<void> {
  await db
    .insertInto('schedule_versions')
    .values({
      portal_id: portalId,
      loan_id: v.loanId,
      version: v.version,
      terms: JSON.stringify(v.terms),
      installment_amount: v.schedule.installmentAmount,
      rows: JSON.stringify(v.schedule.rows),
      totals: JSON.stringify(v.schedule.totals),
      effective_rates: JSON.stringify(v.schedule.effectiveRates),
      reason: v.reason,
      created_by: v.createdBy,
      created_at: v.nowIso,
      base_version: v.baseVersion ?? null,
    })
    .execute();
}

export async function getScheduleVersion(db: Executor, portalId: string, loanId: string, version: number): Promise<ScheduleVersion | null> {
  const r = await db
    .selectFrom('schedule_versions')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!r) return null;
  return {
    loanId: r.loan_id,
    version: Number(r.version),
    terms: parseJsonColumn<LoanInput>(r.terms, 'schedule_versions.terms'),
    installmentAmount: r.installment_amount,
    rows: parseJsonColumn<ScheduleRow[]>(r.rows, 'schedule_versions.rows'),
    totals: parseJsonColumn<Record<string, string>>(r.totals, 'schedule_versions.totals'),
    effectiveRates: parseJsonColumn<Record<string, string>>(r.effective_rates, 'schedule_versions.effective_rates'),
    baseVersion: r.base_version === null ? null : Number(r.base_version),
    reason: r.reason,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: r.created_at,
  };
}

export async function listScheduleVersions(
  db: Executor,
  portalId: string,
  loanId: string,
): Promise<{ version: number; reason: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom('schedule_versions')
    .select(['version', 'reason', 'created_at'])
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ version: Number(r.version), reason: r.reason, createdAt: r.created_at }));
}
