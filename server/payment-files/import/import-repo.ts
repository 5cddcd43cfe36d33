import type { Selectable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { LineIssue } from '../types.js';
import { ACTIVE_STATUSES, type ImportStatus, type PaymentImportsTable } from './tables.js';
import type { ImportLineReplyT, ImportReplyT } from '../../../wire/payment-imports.js';

/** What is kept of one import: counts and the file's fingerprint, never its content. */
export interface ImportRecord {
  id: string;
  fileName: string;
  fileSha256: string;
  format: string;
  rows: number;
  newCount: number;
  alreadyCount: number;
  issueCount: number;
  status: ImportStatus;
  createdBy: number | null;
  createdAt: string;
  /** null on rows from before the background import. */
  dryRun?: boolean | null;
  leaseUntil?: string | null;
  updatedAt?: string | null;
}

/** One line of a preview or an apply, as the page shows it (the wire's shape, wire/payment-imports.ts). */
export type ImportLine = ImportLineReplyT;

/** A preview's or apply's result as stored: the reply's shape with ALL its lines (the reply pages them). */
export type ImportResult = Omit<ImportReplyT, 'lineCount'>;

/**
 * What the page shows once an import is over, kept with the row so it can be polled: the preview's
 * or apply's lines (deal ids, dates, amounts and the agent's references — no names or phones), the
 * refusal's issues, or why it failed. The file itself is never stored.
 */
export type ImportOutcome =
  { result: ImportResult } | { refusal: { message: string; issues: LineIssue[] } } | { failure: { code: string; message: string } };

export type ImportState = ImportRecord & { outcome: ImportOutcome | null };

/** Imports listed at most (the admin screen shows the latest; older ones stay in the table). */
export const IMPORT_LIST_LIMIT = 50;

const RECORD_COLUMNS = [
  'portal_id',
  'id',
  'file_name',
  'file_sha256',
  'format',
  'rows',
  'new_count',
  'already_count',
  'issue_count',
  'status',
  'created_by',
  'created_at',
  'dry_run',
  'lease_until',
  'updated_at',
] as const;

function toRecord(r: Omit<Selectable<PaymentImportsTable>, 'outcome'>): ImportRecord {
  return {
    id: r.id,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    format: r.format,
    rows: Number(r.rows),
    newCount: Number(r.new_count),
    alreadyCount: Number(r.already_count),
    issueCount: Number(r.issue_count),
    status: r.status as ImportStatus,
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: r.created_at,
    dryRun: r.dry_run === null ? null : Number(r.dry_run) === 1,
    leaseUntil: r.lease_until,
    updatedAt: r.updated_at,
  };
}

function toRow(portalId: string, rec: ImportRecord, outcome: ImportOutcome | null) {
  return {
    portal_id: portalId,
    id: rec.id,
    file_name: rec.fileName,
    file_sha256: rec.fileSha256,
    format: rec.format,
    rows: rec.rows,
    new_count: rec.newCount,
    already_count: rec.alreadyCount,
    issue_count: rec.issueCount,
    status: rec.status,
    created_by: rec.createdBy,
    created_at: rec.createdAt,
    dry_run: rec.dryRun === undefined || rec.dryRun === null ? null : rec.dryRun ? 1 : 0,
    lease_until: rec.leaseUntil ?? null,
    updated_at: rec.updatedAt ?? rec.createdAt,
    outcome: outcome === null ? null : JSON.stringify(outcome),
  };
}

export async function insertImport(db: Executor, portalId: string, rec: ImportRecord, outcome: ImportOutcome | null = null): Promise<void> {
  await db
    .insertInto('payment_imports')
    .values(toRow(portalId, rec, outcome))
    .execute();
}

/** Records how an import ended: over its queued row if there is one, as a new row otherwise. */
export async function saveOutcome(db: Executor, portalId: string, rec: ImportRecord, outcome: ImportOutcome): Promise<void> {
  const row = toRow(portalId, { ...rec, leaseUntil: null }, outcome);
  const { portal_id: _p, id: _i, created_at: _c, created_by: _b, ...update } = row;
  await db
    .insertInto('payment_imports')
    .values(row)
    .onConflict((oc) => oc.columns(['portal_id', 'id']).doUpdateSet(update))
    .execute();
}

/** queued → parsing, when its parse starts; a row already finished is left alone. */
export async function markParsing(db: Executor, portalId: string, id: string, at: Date, leaseUntil: Date): Promise<void> {
  await db
    .updateTable('payment_imports')
    .set({ status: 'parsing', updated_at: at.toISOString(), lease_until: leaseUntil.toISOString() })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** The process working on the import is alive: push its lease further. */
export async function renewLease(db: Executor, portalId: string, id: string, leaseUntil: Date): Promise<void> {
  await db
    .updateTable('payment_imports')
    .set({ lease_until: leaseUntil.toISOString() })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .where('status', 'in', ACTIVE_STATUSES)
    .execute();
}

export const INTERRUPTED: ImportOutcome = {
  failure: { code: 'IMPORT_INTERRUPTED', message: 'The import was interrupted (the server restarted); send the file again' },
};

/**
 * Imports of the portal still queued or parsing past their lease were abandoned by a process that
 * died: they become failed, so the page stops waiting and offers to send the file again.
 */
export async function expireAbandoned(db: Executor, portalId: string, now: Date): Promise<void> {
  await db
    .updateTable('payment_imports')
    .set({ status: 'failed', updated_at: now.toISOString(), lease_until: null, outcome: JSON.stringify(INTERRUPTED) })
    .where('portal_id', '=', portalId)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('lease_until', '<', now.toISOString())
    .execute();
}

export async function getImport(db: Executor, portalId: string, id: string): Promise<ImportState | null> {
  const r = await db.selectFrom('payment_imports').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return { ...toRecord(r), outcome: r.outcome === null ? null : (JSON.parse(r.outcome) as ImportOutcome) };
}

/** The portal's latest imports, newest first. */
export async function listImports(db: Executor, portalId: string): Promise<ImportRecord[]> {
  const rows = await db
    .selectFrom('payment_imports')
    // Not the outcome: a preview's lines can be 20 000 of them per row.
    .select(RECORD_COLUMNS)
    .where('portal_id', '=', portalId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(IMPORT_LIST_LIMIT)
    .execute();
  return rows.map(toRecord);
}
