// Templates per bank (or internal: no bank) and their versions (issue 15, item 3). An upload under a
// bank's existing name is that template's next version; identical bytes are the current version again
// (a re-sent upload stores nothing twice). A version is never changed; archiving hides the template
// from new packs while packs made from it keep naming its versions. Every query is scoped by portal_id.
import type { Executor, Trx } from '../../db/executor.js';
import { isUniqueViolation } from '../../db/executor.js';
import { AppError } from '../../errors.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { TemplateUpload, TemplateVersionView, TemplateView } from '../../../wire/document-templates.js';
import type { LintReport } from '../docx/index.js';
import { putBlob } from '../blobs-repo.js';
import type { DocumentTemplatesTable, DocumentTemplateVersionsTable } from '../tables.js';
import { currenciesColumn, currenciesOf, fitsDeal } from './template-currencies.js';

export interface TemplateActor {
  userId: number | null;
  nowIso: string;
}

/** What a pack fills: one template at the version current when the pack was asked for. */
export interface PackTemplate {
  templateId: string;
  bankId: string | null;
  name: string;
  lang: 'ru' | 'es' | 'en';
  version: number;
  sha256: string;
}

type LintSummary = Pick<LintReport, 'placeholders' | 'lists' | 'conditions' | 'checkboxes' | 'parts'>;

// Bank ids are uuids (no '|'); PostgreSQL text refuses NUL, so '|' separates.
const nameKey = (bankId: string | null, name: string): string => `${bankId ?? ''}|${name.trim().toLowerCase()}`;

export const templateNotFound = (id: string): AppError => new AppError('NOT_FOUND', `no template ${id}`, { key: 'TEMPLATE_NOT_FOUND' });

/**
 * Stores an upload that passed the linter as the next version of the bank's template of that name
 * (or version 1 of a new template). Returns the template and whether a version was added.
 */
export async function saveTemplateUpload(
  trx: Trx,
  portalId: string,
  upload: TemplateUpload,
  file: { bytes: Uint8Array; catalogVersion: number; report: LintSummary },
  by: TemplateActor,
): Promise<{ templateId: string; created: boolean }> {
  const bankId = upload.bankId ?? null;
  const key = nameKey(bankId, upload.name);
  // A new version without a list keeps the template's; a list given replaces it.
  const currencies = upload.dealCurrencies === undefined ? {} : { deal_currencies: currenciesColumn(upload.dealCurrencies) };
  const sha256 = await putBlob(trx, portalId, file.bytes, by.nowIso);
  const existing = await trx
    .selectFrom('document_templates')
    .select(['id', 'current_version'])
    .where('portal_id', '=', portalId)
    .where('name_key', '=', key)
    .executeTakeFirst();
  let templateId: string;
  let version: number;
  if (existing) {
    templateId = existing.id;
    const current = Number(existing.current_version);
    const currentSha = await templateVersionSha(trx, portalId, templateId, current);
    if (currentSha === sha256) {
      await trx
        .updateTable('document_templates')
        .set({ archived_at: null, kind: upload.kind, lang: upload.lang, ...currencies, updated_at: by.nowIso })
        .where('portal_id', '=', portalId)
        .where('id', '=', templateId)
        .execute();
      return { templateId, created: false };
    }
    version = current + 1;
    // Compare-and-set on the version read: two uploads at once cannot both become version n+1.
    const moved = await trx
      .updateTable('document_templates')
      .set({
        current_version: version,
        archived_at: null,
        kind: upload.kind,
        lang: upload.lang,
        ...currencies,
        name: upload.name.trim(),
        updated_at: by.nowIso,
      })
      .where('portal_id', '=', portalId)
      .where('id', '=', templateId)
      .where('current_version', '=', current)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `template ${templateId} changed meanwhile`);
  } else {
    templateId = uuidv7();
    version = 1;
    try {
      await trx
        .insertInto('document_templates')
        .values({
          portal_id: portalId,
          id: templateId,
          bank_id: bankId,
          name: upload.name.trim(),
          name_key: key,
          kind: upload.kind,
          lang: upload.lang,
          deal_currencies: currenciesColumn(upload.dealCurrencies),
          current_version: 1,
          archived_at: null,
          created_at: by.nowIso,
          created_by: by.userId,
          updated_at: by.nowIso,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'template created concurrently');
      throw e;
    }
  }
  await trx
    .insertInto('document_template_versions')
    .values({
      portal_id: portalId,
      template_id: templateId,
      version,
      file_name: upload.fileName,
      sha256,
      size_bytes: file.bytes.length,
      catalog_version: file.catalogVersion,
      report: JSON.stringify(file.report),
      uploaded_at: by.nowIso,
      uploaded_by: by.userId,
    })
    .execute();
  return { templateId, created: true };
}

type TemplateRow = Pick<
  DocumentTemplatesTable,
  'id' | 'bank_id' | 'name' | 'kind' | 'lang' | 'deal_currencies' | 'current_version' | 'archived_at'
>;
type VersionRow = Omit<DocumentTemplateVersionsTable, 'portal_id'>;

function versionView(r: VersionRow): TemplateVersionView {
  const report = parseJsonColumn<LintSummary>(r.report, 'document_template_versions.report');
  return {
    version: Number(r.version),
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    catalogVersion: Number(r.catalog_version),
    placeholders: report.placeholders,
    lists: report.lists,
    conditions: report.conditions,
    checkboxes: report.checkboxes,
    uploadedAt: r.uploaded_at,
    uploadedBy: r.uploaded_by === null ? null : Number(r.uploaded_by),
    // Named by the route from the portal (uploader-names.ts); the database keeps only the id.
    uploadedByName: null,
  };
}

async function withVersions(db: Executor, portalId: string, rows: TemplateRow[]): Promise<TemplateView[]> {
  if (rows.length === 0) return [];
  const versions = await db
    .selectFrom('document_template_versions')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where(
      'template_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bankId: r.bank_id,
    name: r.name,
    kind: r.kind as TemplateView['kind'],
    lang: r.lang as TemplateView['lang'],
    ...(r.deal_currencies === null ? {} : { dealCurrencies: currenciesOf(r.deal_currencies) }),
    currentVersion: Number(r.current_version),
    archived: r.archived_at !== null,
    versions: versions.filter((v) => v.template_id === r.id).map(versionView),
  }));
}

const TEMPLATE_COLUMNS = ['id', 'bank_id', 'name', 'kind', 'lang', 'deal_currencies', 'current_version', 'archived_at'] as const;

export async function listTemplates(
  db: Executor,
  portalId: string,
  filter: { bankId?: string; archived?: boolean } = {},
): Promise<TemplateView[]> {
  let q = db.selectFrom('document_templates').select(TEMPLATE_COLUMNS).where('portal_id', '=', portalId);
  if (filter.bankId !== undefined) q = q.where('bank_id', '=', filter.bankId);
  if (!filter.archived) q = q.where('archived_at', 'is', null);
  return withVersions(db, portalId, await q.orderBy('name').orderBy('id').execute());
}

export async function getTemplate(db: Executor, portalId: string, templateId: string): Promise<TemplateView | null> {
  const r = await db
    .selectFrom('document_templates')
    .select(TEMPLATE_COLUMNS)
    .where('portal_id', '=', portalId)
    .where('id', '=', templateId)
    .executeTakeFirst();
  return r ? ((await withVersions(db, portalId, [r]))[0] ?? null) : null;
}

/** Hides the template from new packs; its versions stay for the packs that name them. */
export function archiveTemplate(db: Executor, portalId: string, templateId: string, nowIso: string): Promise<void> {
  return setArchivedAt(db, portalId, templateId, nowIso, nowIso);
}

/** Back in new packs at its current version (the admin's "Restore"); a live template stays as it is. */
export function restoreTemplate(db: Executor, portalId: string, templateId: string, nowIso: string): Promise<void> {
  return setArchivedAt(db, portalId, templateId, null, nowIso);
}

async function setArchivedAt(db: Executor, portalId: string, templateId: string, archivedAt: string | null, nowIso: string) {
  const r = await db
    .updateTable('document_templates')
    .set({ archived_at: archivedAt, updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', templateId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw templateNotFound(templateId);
}

/** The sha256 of a template version's bytes, or null when there is no such version. */
export async function templateVersionSha(db: Executor, portalId: string, templateId: string, version: number): Promise<string | null> {
  const r = await db
    .selectFrom('document_template_versions')
    .select('sha256')
    .where('portal_id', '=', portalId)
    .where('template_id', '=', templateId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r?.sha256 ?? null;
}

/**
 * What a pack for these banks fills: each bank's live templates (in the order asked, then by name),
 * then the internal ones when asked, each at its current version — only those meant for a deal in
 * `dealCurrency` (template-currencies.ts; null: the deal's currency is not known, all of them).
 */
export async function templatesForPack(
  db: Executor,
  portalId: string,
  pack: { bankIds: readonly string[]; internal: boolean; dealCurrency: string | null },
): Promise<PackTemplate[]> {
  const { bankIds, internal, dealCurrency } = pack;
  const rows = await db
    .selectFrom('document_templates as t')
    .innerJoin('document_template_versions as v', (j) =>
      j.onRef('v.portal_id', '=', 't.portal_id').onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'),
    )
    .select(['t.id', 't.bank_id', 't.name', 't.lang', 't.deal_currencies', 't.current_version', 'v.sha256'])
    .where('t.portal_id', '=', portalId)
    .where('t.archived_at', 'is', null)
    .orderBy('t.name')
    .orderBy('t.id')
    .execute()
    .then((all) => all.filter((r) => fitsDeal(r.deal_currencies, dealCurrency)));
  const toPack = (r: (typeof rows)[number]): PackTemplate => ({
    templateId: r.id,
    bankId: r.bank_id,
    name: r.name,
    lang: r.lang as PackTemplate['lang'],
    version: Number(r.current_version),
    sha256: r.sha256,
  });
  const out: PackTemplate[] = [];
  for (const bankId of bankIds) out.push(...rows.filter((r) => r.bank_id === bankId).map(toPack));
  if (internal) out.push(...rows.filter((r) => r.bank_id === null).map(toPack));
  return out;
}
