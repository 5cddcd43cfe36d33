import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../../errors.js';
import { requireDealApplication } from '../../../documents/catalog/catalog-repo.js';
import { getBlob, sha256Hex } from '../../../documents/blobs-repo.js';
import { canonicalJson } from '../../../documents/catalog/catalog-diff.js';
import { isUniqueViolation } from '../../../db/executor.js';
import { fillJobKey, PACK_FILL_JOB } from '../../../documents/packs/pack-jobs.js';
import { dealPack, getDocument, insertPack, packNotFound, packOfRequest } from '../../../documents/packs/pack-repo.js';
import { getPackView, listPackViews, packManifest } from '../../../documents/packs/pack-views.js';
import { retryDocument } from '../../../documents/packs/retry-document.js';
import { fieldText } from '../../../portal-client/field-text.js';
import { templatesForPack } from '../../../documents/templates/templates-repo.js';
import { bankNotFound, getBank } from '../../../documents/values/banks-repo.js';
import { enqueue } from '../../../jobs/outbox.js';
import { callerFor, loanSessionGuards } from '../loans/session.js';
import { PackBody, PackDocumentParams, PackManifest, PackParams, PackReply, PacksReply } from '../../../../wire/document-packs.js';
import { actorOf } from './actor.js';
import { DealParams } from './schemas.js';
import { ErrorReply } from '../../../../wire/errors.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Document packs of a deal (issue 15, items 4–5; shapes in wire/document-packs.ts). The POST records
// the pack — each chosen bank's live templates, then the internal ones, at their current versions —
// with its fill job in one transaction and answers 202; the tab polls the pack while the outbox fills,
// previews and attaches its documents. Every read is of the session's deal in the session's portal.
export const documentPackRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;

  app.post(
    '/api/v1/deals/:dealId/documents/packs',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, body: PackBody, response: { 202: PackReply, ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const by = actorOf(req, c.userId);
      const { requestId, ...asked } = req.body;
      const request = requestId
        ? { id: requestId, sha256: sha256Hex(new TextEncoder().encode(canonicalJson({ dealId: c.dealId, ...asked }))) }
        : undefined;
      const repeat = request ? await repeatedPack(c.portalId, request) : null;
      if (repeat) return reply.code(202).send({ pack: await getPackView(db(), c.portalId, c.dealId, repeat, by.lang) });
      const application = await requireDealApplication(db(), c.portalId, c.dealId);
      for (const bankId of asked.bankIds) if (!(await getBank(db(), app.secrets, c.portalId, bankId))) throw bankNotFound(bankId);
      const dealCurrency = await dealCurrencyOf(c.portalId, c.dealId);
      const templates = await templatesForPack(db(), c.portalId, {
        bankIds: asked.bankIds,
        internal: asked.internal ?? false,
        dealCurrency,
      });
      if (templates.length === 0) throw new AppError('PACK_NO_TEMPLATES', `no templates for ${asked.bankIds.join(',')}`);
      let packId: string;
      try {
        packId = await db()
          .transaction()
          .execute(async (trx) => {
            const id = await insertPack(
              trx,
              c.portalId,
              {
                ...(request ? { request } : {}),
                dealId: c.dealId,
                applicationId: application.id,
                catalogVersion: application.catalogVersion,
                lang: by.lang,
                templates,
              },
              by,
            );
            await enqueue(trx, { portalId: c.portalId, kind: PACK_FILL_JOB, idempotencyKey: fillJobKey(id), payload: { packId: id } });
            return id;
          });
      } catch (e) {
        // The same click twice at once: the other request's pack is the one.
        const other = request && isUniqueViolation(e) ? await repeatedPack(c.portalId, request) : null;
        if (!other) throw e;
        packId = other;
      }
      return reply.code(202).send({ pack: await getPackView(db(), c.portalId, c.dealId, packId, by.lang) });
    },
  );

  /**
   * The deal's currency, which picks the templates meant for it (a rouble deal's contract, not the peso
   * one's): read from the portal as the pack is asked for, so a deal whose currency changed gets its
   * new country's documents. doc: api-reference/crm/deals/crm-deal-get.md (CURRENCY_ID). Empty: not known.
   */
  async function dealCurrencyOf(portalId: string, dealId: number): Promise<string | null> {
    const deal = await (await app.getPortalClient(portalId)).call<Record<string, unknown>>('crm.deal.get', { id: dealId });
    const currency = fieldText(deal.CURRENCY_ID);
    return currency === '' ? null : currency;
  }

  /** The pack an earlier request with this id made, or null; the same id for another request is refused. */
  async function repeatedPack(portalId: string, request: { id: string; sha256: string }): Promise<string | null> {
    const earlier = await packOfRequest(db(), portalId, request.id);
    if (!earlier) return null;
    if (earlier.sha256 !== request.sha256) throw new AppError('IDEMPOTENCY_MISMATCH', `request ${request.id} reused for another pack`);
    return earlier.id;
  }

  app.get(
    '/api/v1/deals/:dealId/documents/packs',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: PacksReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return { packs: await listPackViews(db(), c.portalId, c.dealId, actorOf(req, c.userId).lang) };
    },
  );

  app.get(
    '/api/v1/deals/:dealId/documents/packs/:packId',
    { preHandler: loanSessionGuards(), schema: { params: PackParams, response: { 200: PackReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return { pack: await getPackView(db(), c.portalId, c.dealId, req.params.packId, actorOf(req, c.userId).lang) };
    },
  );

  app.get(
    '/api/v1/deals/:dealId/documents/packs/:packId/manifest',
    { preHandler: loanSessionGuards(), schema: { params: PackParams, response: { 200: PackManifest, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return packManifest(db(), c.portalId, c.dealId, req.params.packId);
    },
  );

  /** The document's row once it belongs to the session's deal. */
  async function documentOf(portalId: string, dealId: number, packId: string, index: number) {
    await dealPack(db(), portalId, dealId, packId);
    const d = await getDocument(db(), portalId, packId, index);
    if (!d) throw packNotFound(`${packId}/${index}`);
    return d;
  }

  app.get(
    '/api/v1/deals/:dealId/documents/packs/:packId/documents/:index/file',
    { preHandler: loanSessionGuards(), schema: { params: PackDocumentParams, response: { 200: Type.Unknown(), ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const d = await documentOf(c.portalId, c.dealId, req.params.packId, req.params.index);
      const bytes = d.sha256 ? await getBlob(db(), c.portalId, d.sha256) : null;
      if (!bytes) throw new AppError('NOT_FOUND', 'document not filled', { key: 'PACK_DOCUMENT_NOT_READY' });
      const name = encodeURIComponent(`${d.name}.docx`);
      return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename*=UTF-8''${name}`).send(Buffer.from(bytes));
    },
  );

  app.post(
    '/api/v1/deals/:dealId/documents/packs/:packId/documents/:index/retry',
    { preHandler: loanSessionGuards(), schema: { params: PackDocumentParams, response: { 202: PackReply, ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const { packId, index } = req.params;
      const by = actorOf(req, c.userId);
      await dealPack(db(), c.portalId, c.dealId, packId);
      await db()
        .transaction()
        .execute((trx) => retryDocument(trx, c.portalId, packId, index, by.nowIso));
      return reply.code(202).send({ pack: await getPackView(db(), c.portalId, c.dealId, packId, by.lang) });
    },
  );

  app.get(
    '/api/v1/deals/:dealId/documents/packs/:packId/documents/:index/preview',
    { preHandler: loanSessionGuards(), schema: { params: PackDocumentParams, response: { 200: Type.Unknown(), ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const d = await documentOf(c.portalId, c.dealId, req.params.packId, req.params.index);
      if (d.preview === 'unavailable') throw new AppError('PREVIEW_UNAVAILABLE', `no preview of ${d.pack_id}/${d.idx}`);
      const png = d.preview_sha256 ? await getBlob(db(), c.portalId, d.preview_sha256) : null;
      if (!png) throw new AppError('NOT_FOUND', 'preview pending', { key: 'PACK_PREVIEW_NOT_READY' });
      return reply.type('image/png').header('cache-control', 'private, max-age=3600').send(Buffer.from(png));
    },
  );
};
