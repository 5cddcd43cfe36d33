import type { Selectable } from 'kysely';
import type { Executor } from '../../loans/db-types.js';
import { importsDb, type ImportStatus, type PaymentImportsTable } from './tables.js';

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
}

/** Imports listed at most (the admin screen shows the latest; older ones stay in the table). */
export const IMPORT_LIST_LIMIT = 50;

function toRecord(r: Selectable<PaymentImportsTable>): ImportRecord {
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
  };
}

export async function insertImport(db: Executor, portalId: string, rec: ImportRecord): Promise<void> {
  await importsDb(db)
    .insertInto('payment_imports')
    .values({
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
    })
    .execute();
}

/** The portal's latest imports, newest first. */
export async function listImports(db: Executor, portalId: string): Promise<ImportRecord[]> {
  const rows = await importsDb(db)
    .selectFrom('payment_imports')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(IMPORT_LIST_LIMIT)
    .execute();
  return rows.map(toRecord);
}
