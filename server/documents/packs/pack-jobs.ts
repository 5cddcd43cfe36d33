// The pack's outbox jobs (issue 15, item 4), listed in server/jobs/handlers.ts:
//   documents.pack.fill     — fills every pending document of the pack with its bank's values at the
//                             application's pinned catalog version; each filled document is stored and
//                             its delivery job enqueued in one transaction.
//   documents.pack.deliver  — one document: its PDF and page-1 preview (LibreOffice), then its
//                             attachment to the deal (attach-document.ts).
// A retried job finds the steps already done in the rows and skips them: nothing twice.
import type { Job, JobContext } from '../../jobs/job.js';
import { PermanentJobError } from '../../jobs/job.js';
import { enqueue } from '../../jobs/outbox.js';
import { isAppError, type UserLanguage } from '../../errors.js';
import { AccessDenied, NotFound } from '../../portal-client/errors.js';
import type { SecretBox } from '../../security/crypto.js';
import { getApplication, getVersion } from '../catalog/catalog-repo.js';
import { toFillerFields, type CatalogField } from '../catalog/catalog-field.js';
import { fillDocx } from '../docx/index.js';
import { getBlob, putBlob } from '../blobs-repo.js';
import { resolveValues } from '../values/values-repo.js';
import type { Previewer } from '../preview/render-preview.js';
import { attachDocument, AttachRefused, type AttachProgress } from './attach-document.js';
import { getDocument, getPackRow, packDocuments, refreshPackStatus, updateDocument, type AttachState, type DocRow } from './pack-repo.js';
import { recordValues, sourcedFields, valuesForDocument } from './pack-values.js';
import { deliverJobKey, PACK_DELIVER_JOB } from './job-keys.js';
import { dealLoanValues } from './deal-loan-values.js';

export { PACK_DELIVER_JOB, PACK_FILL_JOB, deliverJobKey, fillJobKey } from './job-keys.js';

export interface PackJobDeps {
  box: SecretBox;
  /** null: previews are off (DOCUMENT_PREVIEW=off) and read 'unavailable'. */
  previewer: Previewer | null;
  now?: () => Date;
}

interface FillPayload {
  packId: string;
}
interface DeliverPayload {
  packId: string;
  idx: number;
}

function portalOf(job: Job<unknown>): string {
  if (!job.portalId) throw new PermanentJobError('pack job without a portal');
  return job.portalId;
}

export function packFillJob(deps: PackJobDeps) {
  const nowIso = () => (deps.now?.() ?? new Date()).toISOString();
  return async (job: Job<FillPayload>, ctx: JobContext): Promise<void> => {
    const portalId = portalOf(job);
    const pack = await getPackRow(ctx.db, portalId, job.payload.packId);
    if (!pack) throw new PermanentJobError(`pack ${job.payload.packId} is gone`);
    const pending = (await packDocuments(ctx.db, portalId, pack.id)).filter((d) => d.status === 'pending');
    if (pending.length > 0) {
      await ctx.db
        .updateTable('document_packs')
        .set({ status: 'generating', updated_at: nowIso() })
        .where('portal_id', '=', portalId)
        .where('id', '=', pack.id)
        .where('status', '=', 'queued')
        .execute();
      const application = await getApplication(ctx.db, portalId, pack.application_id);
      const fields = await getVersion(ctx.db, portalId, Number(pack.catalog_version));
      if (!application || !fields) throw new PermanentJobError(`pack ${pack.id}: application or catalog version gone`);
      // The values as they are now, at the catalog version the pack was asked with.
      const view = await resolveValues(ctx.db, deps.box, portalId, { ...application, catalogVersion: Number(pack.catalog_version) });
      const lang = pack.lang as UserLanguage;
      const bitrix = await readBitrix(ctx, Number(pack.deal_id), fields, lang);
      const loan = await dealLoanValues(ctx.db, portalId, Number(pack.deal_id), fields, lang);
      const catalog = toFillerFields(fields);
      for (const d of pending) {
        const { values, sources } = valuesForDocument(fields, view, d.bank_id, bitrix, loan);
        const template = await getBlob(ctx.db, portalId, d.template_sha256);
        if (!template) throw new PermanentJobError(`template blob ${d.template_sha256} is gone`);
        const fill = () => fillDocx(template, values, { lang: d.lang as UserLanguage, catalog, userLang: lang }).bytes;
        await fillOne(ctx, portalId, d, fill, { sources, lang, nowIso });
      }
    }
    await refreshPackStatus(ctx.db, portalId, pack.id, nowIso());
  };
}

/** Fills one document: stored, marked done and its delivery queued together — or failed with the reason. */
async function fillOne(
  ctx: JobContext,
  portalId: string,
  d: DocRow,
  fill: () => Uint8Array,
  o: { sources: Record<string, string>; lang: UserLanguage; nowIso: () => string },
): Promise<void> {
  const { sources, nowIso } = o;
  let bytes: Uint8Array;
  try {
    bytes = fill();
  } catch (e) {
    if (!isAppError(e)) throw e;
    // The template or a value is wrong for this document: it fails alone, the rest go on.
    await updateDocument(
      ctx.db,
      portalId,
      d.pack_id,
      Number(d.idx),
      {
        status: 'failed',
        preview: 'unavailable',
        message_code: e.code,
        message_params: JSON.stringify({ text: e.textFor(o.lang) }),
        updated_at: nowIso(),
      },
      { column: 'status', is: 'pending' },
    );
    return;
  }
  await ctx.db.transaction().execute(async (trx) => {
    const sha256 = await putBlob(trx, portalId, bytes, nowIso());
    const moved = await updateDocument(
      trx,
      portalId,
      d.pack_id,
      Number(d.idx),
      { status: 'done', sha256, field_sources: JSON.stringify(sources), updated_at: nowIso() },
      { column: 'status', is: 'pending' },
    );
    if (moved) {
      await enqueue(trx, {
        portalId,
        kind: PACK_DELIVER_JOB,
        idempotencyKey: deliverJobKey(d.pack_id, Number(d.idx)),
        payload: { packId: d.pack_id, idx: Number(d.idx) } satisfies DeliverPayload,
      });
    }
  });
}

/**
 * Values of catalog fields sourced from the deal, its contact or its company — doc:
 * api-reference/crm/deals/crm-deal-get.md, api-reference/crm/contacts/crm-contact-get.md,
 * api-reference/crm/companies/crm-company-get.md (the deal's COMPANY_ID). A record the portal no longer
 * shows (deleted, no access) leaves those fields missing in the manifest rather than holding the pack;
 * a busy or unreachable portal throws, and the job runs again. Each read answers the legacy UPPER_CASE form
 * with user fields (UF_CRM_…) beside the standard ones; an unreadable one is 400 "Not found"/"Access denied".
 */
async function readBitrix(ctx: JobContext, dealId: number, fields: readonly CatalogField[], lang: UserLanguage) {
  const wantsContact = sourcedFields(fields, 'contact').size > 0;
  const wantsCompany = sourcedFields(fields, 'company').size > 0;
  if (sourcedFields(fields, 'deal').size === 0 && !wantsContact && !wantsCompany) return {};
  const b24 = await ctx.portal();
  const get = async (method: string, id: unknown): Promise<Record<string, unknown>> => {
    try {
      return await b24.call<Record<string, unknown>>(method, { id });
    } catch (e) {
      if (!(e instanceof NotFound || e instanceof AccessDenied)) throw e;
      ctx.log.warn({ method, code: e.portalCode }, 'pack: a source record is not readable; its fields are missing');
      return {};
    }
  };
  const deal = await get('crm.deal.get', dealId);
  const contactId = Number(deal.CONTACT_ID ?? 0);
  const contact = wantsContact && contactId > 0 ? await get('crm.contact.get', contactId) : {};
  const companyId = Number(deal.COMPANY_ID ?? 0);
  const company = wantsCompany && companyId > 0 ? await get('crm.company.get', companyId) : {};
  return {
    ...recordValues(fields, 'deal', deal, lang),
    ...recordValues(fields, 'contact', contact, lang),
    ...recordValues(fields, 'company', company, lang),
  };
}

export function packDeliverJob(deps: PackJobDeps) {
  const nowIso = () => (deps.now?.() ?? new Date()).toISOString();
  return async (job: Job<DeliverPayload>, ctx: JobContext): Promise<void> => {
    const portalId = portalOf(job);
    const { packId, idx } = job.payload;
    const pack = await getPackRow(ctx.db, portalId, packId);
    let d = await getDocument(ctx.db, portalId, packId, idx);
    if (!pack || !d) throw new PermanentJobError(`pack document ${packId}/${idx} is gone`);
    if (d.status !== 'done' || !d.sha256) return;
    const docx = await getBlob(ctx.db, portalId, d.sha256);
    if (!docx) throw new PermanentJobError(`document blob ${d.sha256} is gone`);
    if (d.preview === 'pending') {
      await makePreview(ctx, deps, portalId, d, docx, nowIso);
      d = (await getDocument(ctx.db, portalId, packId, idx))!;
    }
    const save = async (p: AttachProgress): Promise<void> => {
      await updateDocument(ctx.db, portalId, packId, idx, {
        attach_state: p.state,
        attached_as: p.as,
        remote_id: JSON.stringify(p.remote),
        updated_at: nowIso(),
      });
    };
    const at: AttachProgress = {
      state: d.attach_state as AttachState,
      as: d.attached_as as AttachProgress['as'],
      remote: d.remote_id ? (JSON.parse(d.remote_id) as Record<string, string>) : {},
    };
    const pdf = d.pdf_sha256 ? await getBlob(ctx.db, portalId, d.pdf_sha256) : null;
    const png = d.preview_sha256 ? await getBlob(ctx.db, portalId, d.preview_sha256) : null;
    try {
      await attachDocument(
        await ctx.portal(),
        {
          dealId: Number(pack.deal_id),
          number: `${packId.slice(-8)}-${idx + 1}`,
          title: d.name,
          region: d.lang,
          lang: pack.lang as UserLanguage,
          docx,
          ...(pdf ? { pdf } : {}),
          ...(png ? { png } : {}),
        },
        at,
        save,
      );
    } catch (e) {
      if (!(e instanceof AttachRefused)) throw e;
      ctx.log.warn({ packId, idx, reason: e.message }, 'pack document not attached');
      await updateDocument(ctx.db, portalId, packId, idx, {
        attach_state: 'failed',
        message_code: 'DOCUMENT_ATTACH_FAILED',
        message_params: null,
        updated_at: nowIso(),
      });
    }
    await refreshPackStatus(ctx.db, portalId, packId, nowIso());
  };
}

async function makePreview(ctx: JobContext, deps: PackJobDeps, portalId: string, d: DocRow, docx: Uint8Array, nowIso: () => string) {
  const idx = Number(d.idx);
  if (!deps.previewer) {
    await updateDocument(ctx.db, portalId, d.pack_id, idx, {
      preview: 'unavailable',
      message_code: 'PREVIEW_UNAVAILABLE',
      updated_at: nowIso(),
    });
    return;
  }
  try {
    const { pdf, png } = await deps.previewer.render(docx);
    await ctx.db.transaction().execute(async (trx) => {
      const pdfSha = await putBlob(trx, portalId, pdf, nowIso());
      const pngSha = await putBlob(trx, portalId, png, nowIso());
      await updateDocument(
        trx,
        portalId,
        d.pack_id,
        idx,
        { preview: 'ready', pdf_sha256: pdfSha, preview_sha256: pngSha, updated_at: nowIso() },
        { column: 'preview', is: 'pending' },
      );
    });
  } catch (e) {
    // The document is made; only its picture is not. It goes to the deal without PDF.
    ctx.log.warn({ packId: d.pack_id, idx, err: e instanceof Error ? e.message : String(e) }, 'pack document preview failed');
    await updateDocument(
      ctx.db,
      portalId,
      d.pack_id,
      idx,
      { preview: 'unavailable', message_code: 'PREVIEW_UNAVAILABLE', updated_at: nowIso() },
      { column: 'preview', is: 'pending' },
    );
  }
}
