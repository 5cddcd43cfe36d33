import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import {
  getApplication,
  getDraftView,
  getVersion,
  listVersions,
  moveApplication,
  openApplication,
  previewMove,
  publishDraft,
  requireDealApplication,
  saveDraft,
} from '../../../documents/catalog/catalog-repo.js';
import { actorOf } from './actor.js';
import { callerFor, loanSessionGuards } from '../loans/session.js';
import { requireSession } from '../../../security/session.js';
import {
  ApplicationReply,
  CatalogBody,
  CatalogReply,
  DealParams,
  ErrorReply,
  MoveBody,
  MovePreviewReply,
  MoveQuery,
  MoveReply,
  PublishReply,
  VersionParams,
  VersionReply,
  VersionsReply,
} from './schemas.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };

// The versioned field catalog of document packs (issue 15, item 1). Administrators edit the draft and
// publish it; anyone in the portal reads the published versions; a deal's application is pinned to the
// version it opened with and moves to a newer one only by an explicit POST naming the version whose
// diff the user saw.
export const documentCatalogRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;

  app.get(
    '/api/v1/documents/catalog/draft',
    { preHandler: requireSession({ admin: true }), schema: { response: { 200: CatalogReply, ...errors } } },
    async (req) => getDraftView(db(), req.session!.portalId),
  );

  app.put(
    '/api/v1/documents/catalog/draft',
    { preHandler: requireSession({ admin: true }), schema: { body: CatalogBody, response: { 200: CatalogReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      await saveDraft(db(), s.portalId, req.body.fields, actorOf(req, s.userId));
      return getDraftView(db(), s.portalId);
    },
  );

  app.post(
    '/api/v1/documents/catalog/publish',
    { preHandler: requireSession({ admin: true }), schema: { response: { 200: PublishReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      return db()
        .transaction()
        .execute((trx) => publishDraft(trx, s.portalId, actorOf(req, s.userId)));
    },
  );

  app.get(
    '/api/v1/documents/catalog/versions',
    { preHandler: requireSession(), schema: { response: { 200: VersionsReply, ...errors } } },
    async (req) => ({ versions: await listVersions(db(), req.session!.portalId) }),
  );

  app.get(
    '/api/v1/documents/catalog/versions/:version',
    { preHandler: requireSession(), schema: { params: VersionParams, response: { 200: VersionReply, ...errors } } },
    async (req) => {
      const fields = await getVersion(db(), req.session!.portalId, req.params.version);
      if (!fields) throw new AppError('NOT_FOUND', `no catalog version ${req.params.version}`, 'That catalog version does not exist.');
      return { version: req.params.version, fields };
    },
  );

  app.post(
    '/api/v1/deals/:dealId/documents/application',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: ApplicationReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      const application = await db()
        .transaction()
        .execute((trx) => openApplication(trx, c.portalId, c.dealId, actorOf(req, c.userId)));
      return { application };
    },
  );

  app.get(
    '/api/v1/deals/:dealId/documents/application/move',
    {
      preHandler: loanSessionGuards(),
      schema: { params: DealParams, querystring: MoveQuery, response: { 200: MovePreviewReply, ...errors } },
    },
    async (req) => {
      const c = callerFor(req);
      return previewMove(db(), c.portalId, (await dealApplication(c.portalId, c.dealId)).id, req.query.to);
    },
  );

  app.post(
    '/api/v1/deals/:dealId/documents/application/move',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, body: MoveBody, response: { 200: MoveReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      const { id } = await dealApplication(c.portalId, c.dealId);
      const diff = await db()
        .transaction()
        .execute((trx) => moveApplication(trx, c.portalId, id, req.body, actorOf(req, c.userId)));
      return { application: (await getApplication(db(), c.portalId, id))!, diff };
    },
  );

  const dealApplication = (portalId: string, dealId: number) => requireDealApplication(db(), portalId, dealId);
};
