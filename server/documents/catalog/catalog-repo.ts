// The catalog's draft and published versions, and the applications pinned to them. Every query is
// scoped by portal_id. A published version is never updated; an application's version changes only
// through moveApplication, compare-and-swap on the version the user saw, with the diff recorded.
import { createHash } from 'node:crypto';
import { AppError, localizedError, type UserLanguage } from '../../errors.js';
import type { Executor, Trx } from '../../db/executor.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import { uuidv7 } from '../../security/uuidv7.js';
import { canonicalJson, diffCatalogs, type CatalogDiff } from './catalog-diff.js';
import { validateCatalog, type CatalogField } from './catalog-field.js';

export interface Actor {
  userId: number | null;
  nowIso: string;
  lang: UserLanguage;
}

export interface CatalogVersionInfo {
  version: number;
  publishedAt: string;
  publishedBy: number | null;
  sha256: string;
}

export interface DocumentApplication {
  id: string;
  dealId: number;
  catalogVersion: number;
  createdAt: string;
}

export async function saveDraft(db: Executor, portalId: string, fields: CatalogField[], by: Actor): Promise<void> {
  validateCatalog(fields, by.lang);
  const values = { fields: canonicalJson(fields), updated_at: by.nowIso, updated_by: by.userId };
  await db
    .insertInto('field_catalog_drafts')
    .values({ portal_id: portalId, ...values })
    .onConflict((oc) => oc.column('portal_id').doUpdateSet(values))
    .execute();
}

export async function getDraft(db: Executor, portalId: string): Promise<CatalogField[] | null> {
  const r = await db.selectFrom('field_catalog_drafts').select('fields').where('portal_id', '=', portalId).executeTakeFirst();
  return r ? parseJsonColumn<CatalogField[]>(r.fields, 'field_catalog_drafts.fields') : null;
}

/**
 * Freezes the draft as the next version, with what it adds, removes and changes against the latest
 * one (the app page shows it); publishing an unchanged draft returns the latest version.
 */
export async function publishDraft(
  trx: Trx,
  portalId: string,
  by: Actor,
): Promise<{ version: number; created: boolean; previous: number | null; diff: CatalogDiff }> {
  const draft = await getDraft(trx, portalId);
  if (!draft) throw new AppError('NOT_FOUND', 'no catalog draft', 'There is no draft to publish.');
  validateCatalog(draft, by.lang);
  const text = canonicalJson(draft);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const latest = await trx
    .selectFrom('field_catalog_versions')
    .select(['version', 'fields', 'fields_sha256'])
    .where('portal_id', '=', portalId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const before = latest ? parseJsonColumn<CatalogField[]>(latest.fields, 'field_catalog_versions.fields') : [];
  const previous = latest ? Number(latest.version) : null;
  if (latest && latest.fields_sha256 === sha256) {
    return { version: Number(latest.version), created: false, previous, diff: diffCatalogs(before, before) };
  }
  const version = (previous ?? 0) + 1;
  // Two admins publishing at once: the primary key lets one win; the other's transaction fails.
  await trx
    .insertInto('field_catalog_versions')
    .values({ portal_id: portalId, version, fields: text, fields_sha256: sha256, published_at: by.nowIso, published_by: by.userId })
    .execute();
  return { version, created: true, previous, diff: diffCatalogs(before, draft) };
}

/**
 * What the app page edits: the saved draft, else the latest published version (an empty catalog before
 * any), and what publishing it would add, remove and change against that latest version.
 */
export async function getDraftView(db: Executor, portalId: string): Promise<{ fields: CatalogField[]; pending: CatalogDiff }> {
  const latest = (await listVersions(db, portalId)).at(-1);
  const published = latest ? ((await getVersion(db, portalId, latest.version)) ?? []) : [];
  const fields = (await getDraft(db, portalId)) ?? published;
  return { fields, pending: diffCatalogs(published, fields) };
}

export async function listVersions(db: Executor, portalId: string): Promise<CatalogVersionInfo[]> {
  const rows = await db
    .selectFrom('field_catalog_versions')
    .select(['version', 'published_at', 'published_by', 'fields_sha256'])
    .where('portal_id', '=', portalId)
    .orderBy('version', 'asc')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    sha256: r.fields_sha256,
  }));
}

export async function getVersion(db: Executor, portalId: string, version: number): Promise<CatalogField[] | null> {
  const r = await db
    .selectFrom('field_catalog_versions')
    .select('fields')
    .where('portal_id', '=', portalId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r ? parseJsonColumn<CatalogField[]>(r.fields, 'field_catalog_versions.fields') : null;
}

/** The deal's application, or a new one pinned to the latest published version. */
export async function openApplication(trx: Trx, portalId: string, dealId: number, by: Actor): Promise<DocumentApplication> {
  const existing = await findApplicationByDeal(trx, portalId, dealId);
  if (existing) return existing;
  const latest = await trx
    .selectFrom('field_catalog_versions')
    .select('version')
    .where('portal_id', '=', portalId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) throw new AppError('NOT_FOUND', 'no published catalog', 'No field catalog has been published yet.');
  const app = { id: uuidv7(), dealId, catalogVersion: Number(latest.version), createdAt: by.nowIso };
  await trx
    .insertInto('document_applications')
    .values({
      portal_id: portalId,
      id: app.id,
      deal_id: dealId,
      catalog_version: app.catalogVersion,
      created_at: by.nowIso,
      created_by: by.userId,
      updated_at: by.nowIso,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'deal_id']).doNothing())
    .execute();
  // A concurrent open of the same deal won the insert: its application is the one.
  return (await findApplicationByDeal(trx, portalId, dealId)) ?? app;
}

/**
 * Takes the application's row lock for the rest of the transaction (touching updated_at): its
 * writers — values, scans — run one after another, so what one reads stays true until it commits.
 */
export async function lockApplication(trx: Trx, portalId: string, applicationId: string, nowIso: string): Promise<void> {
  await trx
    .updateTable('document_applications')
    .set({ updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', applicationId)
    .execute();
}

export function findApplicationByDeal(db: Executor, portalId: string, dealId: number): Promise<DocumentApplication | null> {
  return findApplication(db, portalId, 'deal_id', dealId);
}

/** The deal's application, or NOT_FOUND when none was opened. */
export async function requireDealApplication(db: Executor, portalId: string, dealId: number): Promise<DocumentApplication> {
  const found = await findApplicationByDeal(db, portalId, dealId);
  if (!found) throw new AppError('NOT_FOUND', `no application for deal ${dealId}`, 'This deal has no application yet.');
  return found;
}

export function getApplication(db: Executor, portalId: string, id: string): Promise<DocumentApplication | null> {
  return findApplication(db, portalId, 'id', id);
}

async function findApplication(
  db: Executor,
  portalId: string,
  by: 'id' | 'deal_id',
  key: string | number,
): Promise<DocumentApplication | null> {
  const r = await db
    .selectFrom('document_applications')
    .select(['id', 'deal_id', 'catalog_version', 'created_at'])
    .where('portal_id', '=', portalId)
    .where(by, '=', key as never)
    .executeTakeFirst();
  return r ? { id: r.id, dealId: Number(r.deal_id), catalogVersion: Number(r.catalog_version), createdAt: r.created_at } : null;
}

/** What moving the application to `toVersion` would add, remove and change. */
export async function previewMove(
  db: Executor,
  portalId: string,
  applicationId: string,
  toVersion: number,
): Promise<{ from: number; to: number; diff: CatalogDiff }> {
  const app = await getApplication(db, portalId, applicationId);
  if (!app) throw new AppError('NOT_FOUND', 'no such application', 'The application was not found.');
  const [from, to] = await Promise.all([getVersion(db, portalId, app.catalogVersion), getVersion(db, portalId, toVersion)]);
  if (!from || !to) throw new AppError('NOT_FOUND', `catalog version ${toVersion} not found`, 'That catalog version does not exist.');
  return { from: app.catalogVersion, to: toVersion, diff: diffCatalogs(from, to) };
}

/**
 * Moves an application to a newer version, only from the version the user saw the diff for
 * (`fromVersion`): anything else is CATALOG_VERSION_CONFLICT and nothing changes.
 */
export async function moveApplication(
  trx: Trx,
  portalId: string,
  applicationId: string,
  move: { fromVersion: number; toVersion: number },
  by: Actor,
): Promise<CatalogDiff> {
  const { from, diff } = await previewMove(trx, portalId, applicationId, move.toVersion);
  if (from !== move.fromVersion || move.toVersion <= move.fromVersion) {
    throw localizedError('CATALOG_VERSION_CONFLICT', by.lang, `application on ${from}, asked ${move.fromVersion}→${move.toVersion}`, {
      current: from,
      expected: move.fromVersion,
    });
  }
  const updated = await trx
    .updateTable('document_applications')
    .set({ catalog_version: move.toVersion, updated_at: by.nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', applicationId)
    .where('catalog_version', '=', move.fromVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw localizedError('CATALOG_VERSION_CONFLICT', by.lang, 'moved concurrently', { current: '?', expected: move.fromVersion });
  }
  await trx
    .insertInto('document_application_moves')
    .values({
      portal_id: portalId,
      application_id: applicationId,
      from_version: move.fromVersion,
      to_version: move.toVersion,
      diff: canonicalJson(diff),
      moved_at: by.nowIso,
      moved_by: by.userId,
    })
    .execute();
  return diff;
}
