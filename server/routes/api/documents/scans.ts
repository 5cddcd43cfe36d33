import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireDealApplication } from '../../../documents/catalog/catalog-repo.js';
import { MAX_SCAN_BYTES } from '../../../documents/scans/scan-file.js';
import { addScan, deleteScan, listScans, scanContent } from '../../../documents/scans/scans-repo.js';
import { AppError } from '../../../errors.js';
import { callerFor, loanSessionGuards } from '../loans/session.js';
import { ScanParams, ScansReply, ScanUploadQuery } from '../../../../wire/document-scans.js';
import { actorOf } from './actor.js';
import { DealParams, ErrorReply } from './schemas.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 413: ErrorReply, 422: ErrorReply };

// Scans the client brought (passport, income proof), uploaded in the Documents tab and kept with the
// deal's application (issue 15, item 4; shapes in wire/document-scans.ts). The upload is the file's
// bytes (application/octet-stream), its field and name in the query: no base64 to parse.
export const documentScanRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;
  const applicationOf = (portalId: string, dealId: number) => requireDealApplication(db(), portalId, dealId);

  app.register(async (binary) => {
    // A little over the limit, so a scan just over 5 MB gets SCAN_TOO_LARGE in the user's language.
    binary.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_SCAN_BYTES + 1024 }, (_req, body, done) =>
      done(null, body),
    );
    binary.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/deals/:dealId/documents/scans',
      {
        preHandler: loanSessionGuards(),
        schema: { params: DealParams, querystring: ScanUploadQuery, response: { 200: ScansReply, ...errors } },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('BAD_REQUEST', 'scan upload without application/octet-stream');
        const c = callerFor(req);
        const application = await applicationOf(c.portalId, c.dealId);
        const bytes = req.body;
        await db()
          .transaction()
          .execute((trx) =>
            addScan(
              trx,
              app.secrets,
              c.portalId,
              application,
              { code: req.query.code, fileName: req.query.fileName, bytes },
              actorOf(req, c.userId),
            ),
          );
        return { scans: await listScans(db(), app.secrets, c.portalId, application.id) };
      },
    );
  });

  app.get(
    '/api/v1/deals/:dealId/documents/scans',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: ScansReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return { scans: await listScans(db(), app.secrets, c.portalId, (await applicationOf(c.portalId, c.dealId)).id) };
    },
  );

  app.get(
    '/api/v1/deals/:dealId/documents/scans/:scanId/file',
    { preHandler: loanSessionGuards(), schema: { params: ScanParams, response: { 200: Type.Unknown(), ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const { id } = await applicationOf(c.portalId, c.dealId);
      const scan = await scanContent(db(), app.secrets, c.portalId, id, req.params.scanId);
      return reply
        .type(scan.contentType)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(scan.fileName)}`)
        .send(scan.bytes);
    },
  );

  app.delete(
    '/api/v1/deals/:dealId/documents/scans/:scanId',
    { preHandler: loanSessionGuards(), schema: { params: ScanParams, response: { 200: ScansReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      const { id } = await applicationOf(c.portalId, c.dealId);
      await deleteScan(db(), c.portalId, id, req.params.scanId);
      return { scans: await listScans(db(), app.secrets, c.portalId, id) };
    },
  );
};
