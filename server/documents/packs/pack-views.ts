// What the Documents tab and the manifest read of a pack (issue 15, items 4–5; shapes in
// wire/document-packs.ts): each document's status, preview, attachment and message in the reader's
// language, a step whose job died shown failed with Retry (dead-steps.ts). Always of the session's deal.
import type { Executor } from '../../db/executor.js';
import { errorText, USER_MESSAGES, type ErrorCode, type UserLanguage } from '../../errors.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import type { PackDocumentView, PackManifestView, PackView } from '../../../wire/document-packs.js';
import { deadJobs, shownRow, shownStatus, type DeadJobs, type ShownRow } from './dead-steps.js';
import {
  dealPack,
  dealPacks,
  documentsOfPacks,
  fieldSourcesOf,
  isDelivered,
  packDocuments,
  type DocRow,
  type PackRow,
} from './pack-repo.js';

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

function documentView(d: ShownRow, lang: UserLanguage): PackDocumentView {
  const message = messageOf(d, lang);
  return {
    ...documentCore(d),
    preview: d.preview as PackDocumentView['preview'],
    ...(message ? { message } : {}),
    ...(d.retryable ? { retryable: true as const } : {}),
  };
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

/** The deal's pack, or NOT_FOUND (also for a pack of another deal: the session is bound to one). */
export async function getPackView(db: Executor, portalId: string, dealId: number, packId: string, lang: UserLanguage): Promise<PackView> {
  const p = await dealPack(db, portalId, dealId, packId);
  const docs = await packDocuments(db, portalId, packId);
  return packView(p, docs, lang, await deadJobs(db, portalId, [p], docs));
}

/** The deal's packs, newest first (at most `limit`). */
export async function listPackViews(db: Executor, portalId: string, dealId: number, lang: UserLanguage, limit = 50): Promise<PackView[]> {
  const packs = await dealPacks(db, portalId, dealId, limit);
  if (packs.length === 0) return [];
  const docs = await documentsOfPacks(
    db,
    portalId,
    packs.map((p) => p.id),
  );
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
