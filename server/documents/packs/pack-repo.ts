// Packs and their documents (issue 15, item 4). A pack's rows are written with the job that makes it;
// each document then moves pending → done | failed once, its preview pending → ready | unavailable
// once, its attachment none → attaching → done | failed (disk: → disk_uploaded → commenting → done),
// each step committed before the next so that a retried job redoes nothing that was done.
// Every query is scoped by portal_id. The views the tab and the manifest read are in pack-views.ts.
import type { Executor, Trx } from '../../db/executor.js';
import { AppError, type UserLanguage } from '../../errors.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { PackFieldSource } from '../../../wire/document-packs.js';
import type { DocumentPackDocumentsTable, DocumentPacksTable } from '../tables.js';
import type { PackTemplate } from '../templates/templates-repo.js';

export type DocRow = Omit<DocumentPackDocumentsTable, 'portal_id'>;
export type PackRow = Omit<DocumentPacksTable, 'portal_id'>;
export type AttachState = 'none' | 'attaching' | 'disk_uploaded' | 'commenting' | 'done' | 'failed';

export const packNotFound = (id: string): AppError => new AppError('NOT_FOUND', `no pack ${id}`, { key: 'PACK_NOT_FOUND' });

export interface NewPack {
  /** The caller's request id and the hash of what it asked (a repeat finds the pack by them). */
  request?: { id: string; sha256: string };
  dealId: number;
  applicationId: string;
  catalogVersion: number;
  lang: UserLanguage;
  templates: readonly PackTemplate[];
}

/** The pack and one pending row per template, in the order they will be filled. */
export async function insertPack(trx: Trx, portalId: string, p: NewPack, by: { userId: number | null; nowIso: string }): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('document_packs')
    .values({
      portal_id: portalId,
      id,
      deal_id: p.dealId,
      application_id: p.applicationId,
      catalog_version: p.catalogVersion,
      status: 'queued',
      lang: p.lang,
      request_id: p.request?.id ?? null,
      request_sha256: p.request?.sha256 ?? null,
      created_at: by.nowIso,
      created_by: by.userId,
      updated_at: by.nowIso,
    })
    .execute();
  await trx
    .insertInto('document_pack_documents')
    .values(
      p.templates.map((t, idx) => ({
        portal_id: portalId,
        pack_id: id,
        idx,
        bank_id: t.bankId,
        template_id: t.templateId,
        template_version: t.version,
        template_sha256: t.sha256,
        name: t.name,
        lang: t.lang,
        status: 'pending',
        sha256: null,
        field_sources: null,
        preview: 'pending',
        preview_sha256: null,
        pdf_sha256: null,
        attach_state: 'none',
        attached_as: null,
        remote_id: null,
        message_code: null,
        message_params: null,
        updated_at: by.nowIso,
      })),
    )
    .execute();
  return id;
}

/** The pack an earlier request with this id made: its id and the hash of what that request asked. */
export async function packOfRequest(
  db: Executor,
  portalId: string,
  requestId: string,
): Promise<{ id: string; sha256: string | null; dealId: number } | null> {
  const r = await db
    .selectFrom('document_packs')
    .select(['id', 'request_sha256', 'deal_id'])
    .where('portal_id', '=', portalId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return r ? { id: r.id, sha256: r.request_sha256, dealId: Number(r.deal_id) } : null;
}

export async function getPackRow(db: Executor, portalId: string, packId: string): Promise<PackRow | null> {
  const r = await db.selectFrom('document_packs').selectAll().where('portal_id', '=', portalId).where('id', '=', packId).executeTakeFirst();
  return r ?? null;
}

export async function packDocuments(db: Executor, portalId: string, packId: string): Promise<DocRow[]> {
  return db
    .selectFrom('document_pack_documents')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('pack_id', '=', packId)
    .orderBy('idx')
    .execute();
}

export async function getDocument(db: Executor, portalId: string, packId: string, idx: number): Promise<DocRow | null> {
  const r = await db
    .selectFrom('document_pack_documents')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('pack_id', '=', packId)
    .where('idx', '=', idx)
    .executeTakeFirst();
  return r ?? null;
}

/** Sets columns of one document row; `only` guards a step so that it happens once (compare-and-set). */
export async function updateDocument(
  db: Executor,
  portalId: string,
  packId: string,
  idx: number,
  set: Partial<Omit<DocRow, 'pack_id' | 'idx'>>,
  only?: { column: 'status' | 'preview' | 'attach_state'; is: string },
): Promise<boolean> {
  let q = db
    .updateTable('document_pack_documents')
    .set(set)
    .where('portal_id', '=', portalId)
    .where('pack_id', '=', packId)
    .where('idx', '=', idx);
  if (only) q = q.where(only.column, '=', only.is);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export const isDelivered = (d: DocRow): boolean =>
  d.status === 'failed' || (d.status === 'done' && d.preview !== 'pending' && (d.attach_state === 'done' || d.attach_state === 'failed'));

/** The pack's status from its documents: generating until each is failed or filled, previewed and attached. */
export async function refreshPackStatus(db: Executor, portalId: string, packId: string, nowIso: string): Promise<void> {
  const docs = await packDocuments(db, portalId, packId);
  const status = !docs.every(isDelivered) ? 'generating' : docs.every((d) => d.status === 'failed') ? 'failed' : 'done';
  await db
    .updateTable('document_packs')
    .set({ status, updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', packId)
    .where('status', '!=', status)
    .execute();
}

/** The pack's row when it is the deal's; NOT_FOUND otherwise (the session is bound to one deal). */
export async function dealPack(db: Executor, portalId: string, dealId: number, packId: string): Promise<PackRow> {
  const p = await getPackRow(db, portalId, packId);
  if (!p || Number(p.deal_id) !== dealId) throw packNotFound(packId);
  return p;
}

/** The deal's packs, newest first (at most `limit`). */
export async function dealPacks(db: Executor, portalId: string, dealId: number, limit: number): Promise<PackRow[]> {
  return db
    .selectFrom('document_packs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The documents of several packs, each pack's in fill order. */
export async function documentsOfPacks(db: Executor, portalId: string, packIds: readonly string[]): Promise<DocRow[]> {
  return db
    .selectFrom('document_pack_documents')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('pack_id', 'in', packIds)
    .orderBy('idx')
    .execute();
}

export function fieldSourcesOf(d: DocRow): Record<string, PackFieldSource> {
  return d.field_sources ? parseJsonColumn<Record<string, PackFieldSource>>(d.field_sources, 'document_pack_documents.field_sources') : {};
}
