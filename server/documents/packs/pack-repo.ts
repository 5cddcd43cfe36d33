// Packs and their documents (issue 15, item 4). A pack's rows are written with the job that makes it;
// each document then moves pending → done | failed once, its preview pending → ready | unavailable
// once, its attachment none → attaching → done | failed (disk: → disk_uploaded → commenting → done),
// each step committed before the next so that a retried job redoes nothing that was done.
// Every query is scoped by portal_id.
import type { Executor, Trx } from '../../db/executor.js';
import { AppError, errorText, USER_MESSAGES, type ErrorCode, type UserLanguage } from '../../errors.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { PackDocumentView, PackManifestView, PackView } from '../../../wire/document-packs.js';
import type { DocumentPackDocumentsTable, DocumentPacksTable } from '../tables.js';
import type { PackTemplate } from '../templates/templates-repo.js';
import { deliverJobKey, fillJobKey } from './job-keys.js';

export type DocRow = Omit<DocumentPackDocumentsTable, 'portal_id'>;
type PackRow = Omit<DocumentPacksTable, 'portal_id'>;
export type FieldSource = 'base' | 'override' | 'bitrix24' | 'loan' | 'missing';
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

/** A stored message: the throw site's text in the pack's language, or a code shown in the reader's. */
function messageOf(d: DocRow, lang: UserLanguage): string | undefined {
  if (!d.message_code) return undefined;
  const params = d.message_params
    ? parseJsonColumn<Record<string, string>>(d.message_params, 'document_pack_documents.message_params')
    : {};
  if (params.text) return params.text;
  const code = d.message_code as ErrorCode;
  const text = USER_MESSAGES[code]?.[lang] ?? errorText(code, lang);
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) => params[name] ?? whole);
}

/** What the pack view and the manifest both say of a document. */
function documentCore(d: DocRow) {
  return {
    bankId: d.bank_id,
    templateId: d.template_id,
    templateVersion: Number(d.template_version),
    name: d.name,
    status: d.status as PackDocumentView['status'],
    sha256: d.sha256,
    attachedAs: d.attach_state === 'done' ? (d.attached_as as PackDocumentView['attachedAs']) : null,
  };
}

/** A row as the views show it: a step whose job died is shown failed, and a failed step offers Retry. */
type ShownRow = DocRow & { retryable?: true };

function documentView(d: ShownRow, lang: UserLanguage): PackDocumentView {
  const message = messageOf(d, lang);
  return {
    ...documentCore(d),
    preview: d.preview as PackDocumentView['preview'],
    ...(message ? { message } : {}),
    ...(d.retryable ? { retryable: true as const } : {}),
  };
}

/** The jobs of still-open packs that died in the outbox (dead letters): a pack's fill, a document's delivery. */
type DeadJobs = ReadonlySet<string>;

async function deadJobs(db: Executor, portalId: string, packs: readonly PackRow[], docs: readonly DocRow[]): Promise<DeadJobs> {
  const open = new Set(packs.filter((p) => p.status === 'queued' || p.status === 'generating').map((p) => p.id));
  if (open.size === 0) return new Set();
  const keys = [
    ...[...open].map(fillJobKey),
    ...docs
      .filter((d) => open.has(d.pack_id) && d.status === 'done' && !isDelivered(d))
      .map((d) => deliverJobKey(d.pack_id, Number(d.idx))),
  ];
  // The outbox is the one cross-portal table; its portal_id still scopes this read.
  const rows = await db
    .selectFrom('outbox_jobs')
    .select('idempotency_key')
    .where('portal_id', '=', portalId)
    .where('status', '=', 'dead')
    .where('idempotency_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.idempotency_key));
}

/**
 * A document whose job died is not pending any more: a pack whose fill died shows its unfilled
 * documents failed; a document whose delivery died stays downloadable, its preview unavailable, with
 * the reason. Either offers Retry, as does an attachment the portal refused.
 */
function shownRow(d: DocRow, dead: DeadJobs): ShownRow {
  if (d.status === 'pending' && dead.has(fillJobKey(d.pack_id)))
    return { ...d, status: 'failed', preview: 'unavailable', message_code: 'DOCUMENT_FILL_GAVE_UP', message_params: null, retryable: true };
  if (d.status === 'done' && !isDelivered(d) && dead.has(deliverJobKey(d.pack_id, Number(d.idx))))
    return {
      ...d,
      preview: d.preview === 'pending' ? 'unavailable' : d.preview,
      attach_state: 'failed',
      message_code: 'DOCUMENT_DELIVERY_GAVE_UP',
      message_params: null,
      retryable: true,
    };
  return d.status === 'done' && d.attach_state === 'failed' ? { ...d, retryable: true } : d;
}

/** The pack's status as its shown documents make it (a pack whose last open step died is final). */
function shownStatus(p: PackRow, docs: readonly DocRow[]): PackView['status'] {
  if (p.status !== 'queued' && p.status !== 'generating') return p.status as PackView['status'];
  if (docs.length === 0 || !docs.every(isDelivered)) return p.status;
  return docs.every((d) => d.status === 'failed') ? 'failed' : 'done';
}

function packView(p: PackRow, rows: DocRow[], lang: UserLanguage, dead: DeadJobs): PackView {
  const docs = rows.map((d) => shownRow(d, dead));
  return {
    id: p.id,
    dealId: Number(p.deal_id),
    status: shownStatus(p, docs),
    catalogVersion: Number(p.catalog_version),
    createdAt: p.created_at,
    createdBy: p.created_by === null ? null : Number(p.created_by),
    progress: { done: docs.filter(isDelivered).length, total: docs.length },
    documents: docs.map((d) => documentView(d, lang)),
  };
}

/** The pack's row when it is the deal's; NOT_FOUND otherwise (the session is bound to one deal). */
export async function dealPack(db: Executor, portalId: string, dealId: number, packId: string): Promise<PackRow> {
  const p = await getPackRow(db, portalId, packId);
  if (!p || Number(p.deal_id) !== dealId) throw packNotFound(packId);
  return p;
}

/** The deal's pack, or NOT_FOUND (also for a pack of another deal: the session is bound to one). */
export async function getPackView(db: Executor, portalId: string, dealId: number, packId: string, lang: UserLanguage): Promise<PackView> {
  const p = await dealPack(db, portalId, dealId, packId);
  const docs = await packDocuments(db, portalId, packId);
  return packView(p, docs, lang, await deadJobs(db, portalId, [p], docs));
}

/** The deal's packs, newest first (at most `limit`). */
export async function listPackViews(db: Executor, portalId: string, dealId: number, lang: UserLanguage, limit = 50): Promise<PackView[]> {
  const packs = await db
    .selectFrom('document_packs')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (packs.length === 0) return [];
  const docs = await db
    .selectFrom('document_pack_documents')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where(
      'pack_id',
      'in',
      packs.map((p) => p.id),
    )
    .orderBy('idx')
    .execute();
  const dead = await deadJobs(db, portalId, packs, docs);
  return packs.map((p) =>
    packView(
      p,
      docs.filter((d) => d.pack_id === p.id),
      lang,
      dead,
    ),
  );
}

export function fieldSourcesOf(d: DocRow): Record<string, FieldSource> {
  return d.field_sources ? parseJsonColumn<Record<string, FieldSource>>(d.field_sources, 'document_pack_documents.field_sources') : {};
}

/** The manifest of the deal's pack: catalog version, each template version and hash, each field's source. */
export async function packManifest(db: Executor, portalId: string, dealId: number, packId: string): Promise<PackManifestView> {
  const p = await dealPack(db, portalId, dealId, packId);
  const docs = await packDocuments(db, portalId, packId);
  return {
    packId: p.id,
    dealId: Number(p.deal_id),
    catalogVersion: Number(p.catalog_version),
    createdAt: p.created_at,
    documents: docs.map((d) => ({
      index: Number(d.idx),
      ...documentCore(d),
      templateSha256: d.template_sha256,
      fields: fieldSourcesOf(d),
    })),
  };
}
