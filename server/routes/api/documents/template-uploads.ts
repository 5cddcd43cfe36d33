import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { numberLocaleOf } from '../../../../lending/index.js';
import { AppError, localizedError, type UserLanguage } from '../../../errors.js';
import { getBlob } from '../../../documents/blobs-repo.js';
import { docxLimits } from '../../../documents/docx/index.js';
import { lintUpload } from '../../../documents/templates/lint-upload.js';
import {
  archiveTemplate,
  getTemplate,
  listTemplates,
  restoreTemplate,
  saveTemplateUpload,
  templateNotFound,
  templateVersionSha,
} from '../../../documents/templates/templates-repo.js';
import { setTemplateCurrencies } from '../../../documents/templates/template-currencies.js';
import { uploaderIds, uploaderNames, withUploaderNames } from '../../../documents/templates/uploader-names.js';
import { bankNotFound, getBank } from '../../../documents/values/banks-repo.js';
import { requireSession } from '../../../security/session.js';
import {
  TemplateCurrenciesBody,
  TemplateParams,
  TemplateReply,
  TemplatesQuery,
  TemplatesReply,
  TemplateUploadQuery,
  TemplateVersionParams,
  type TemplateView,
} from '../../../../wire/document-templates.js';
import { actorOf } from './actor.js';
import { ErrorReply } from '../../../../wire/errors.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 413: ErrorReply, 422: ErrorReply };
const MAX = docxLimits.MAX_TEMPLATE_BYTES;
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Templates per bank with versions (issue 15, item 3). An admin uploads the .docx as its bytes
// (application/octet-stream, the settings in the query, like /api/v1/payment-imports/file); it is
// linted against the latest published catalog before anything is stored — an unknown placeholder with
// the nearest code, macros, outside links, a zip bomb or an oversized file are refused in the admin's
// language. The same bank and name again is the template's next version.
export const documentTemplateStoreRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;
  const admin = requireSession({ admin: true });

  // Each answer names its versions' uploaders from the portal, read once per request; a refusal
  // (uploader-names.ts) leaves the ids. Only the refusal's code is logged, never a name.
  async function named(req: FastifyRequest, portalId: string, templates: TemplateView[]): Promise<TemplateView[]> {
    const ids = uploaderIds(templates);
    if (ids.length === 0) return templates;
    try {
      return withUploaderNames(templates, await uploaderNames(await app.getPortalClient(portalId), ids));
    } catch (e) {
      req.log.warn({ code: e instanceof AppError ? e.code : 'ERROR' }, 'uploader names unavailable; showing user ids');
      return templates;
    }
  }
  const one = async (req: FastifyRequest, portalId: string, templateId: string, created: boolean) => {
    const template = await getTemplate(db(), portalId, templateId);
    if (!template) throw templateNotFound(templateId);
    return { template: (await named(req, portalId, [template]))[0]!, created };
  };

  app.register(async (binary) => {
    binary.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX }, (_req, body, done) => done(null, body));
    binary.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/documents/templates/file',
      {
        // A file over the limit by its Content-Length is refused before it is read, with its size.
        onRequest: [
          admin,
          async (req) => {
            const length = Number(req.headers['content-length'] ?? 0);
            if (length > MAX) throw tooLarge(numberLocaleOf(req.headers['accept-language']), length);
          },
        ],
        bodyLimit: MAX,
        schema: { querystring: TemplateUploadQuery, response: { 200: TemplateReply, ...errors } },
      },
      async (req) => {
        const s = req.session!;
        const by = actorOf(req, s.userId);
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError(
            'VALIDATION',
            'empty or non-binary template body',
            { key: 'TEMPLATE_BODY_BINARY' },
            {
              field: 'body',
            },
          );
        const q = req.query;
        if (q.bankId !== undefined && !(await getBank(db(), app.secrets, s.portalId, q.bankId))) throw bankNotFound(q.bankId);
        const bytes = new Uint8Array(req.body);
        const { catalogVersion, report } = await lintUpload(db(), s.portalId, bytes, by.lang);
        const saved = await db()
          .transaction()
          .execute((trx) => saveTemplateUpload(trx, s.portalId, q, { bytes, catalogVersion, report }, by));
        return one(req, s.portalId, saved.templateId, saved.created);
      },
    );
  });

  app.get(
    '/api/v1/documents/templates',
    { preHandler: requireSession(), schema: { querystring: TemplatesQuery, response: { 200: TemplatesReply, ...errors } } },
    async (req) => ({ templates: await named(req, req.session!.portalId, await listTemplates(db(), req.session!.portalId, req.query)) }),
  );

  app.get(
    '/api/v1/documents/templates/:templateId',
    { preHandler: requireSession(), schema: { params: TemplateParams, response: { 200: TemplateReply, ...errors } } },
    async (req) => one(req, req.session!.portalId, req.params.templateId, false),
  );

  app.get(
    '/api/v1/documents/templates/:templateId/versions/:version/file',
    { preHandler: admin, schema: { params: TemplateVersionParams, response: { 200: Type.Unknown(), ...errors } } },
    async (req, reply) => {
      const s = req.session!;
      const sha = await templateVersionSha(db(), s.portalId, req.params.templateId, req.params.version);
      const bytes = sha ? await getBlob(db(), s.portalId, sha) : null;
      if (!bytes) throw templateNotFound(req.params.templateId);
      return reply.type(DOCX_TYPE).send(Buffer.from(bytes));
    },
  );

  // The deals the template is for, by their currency (template-currencies.ts); null: any deal.
  app.put(
    '/api/v1/documents/templates/:templateId/deal-currencies',
    { preHandler: admin, schema: { params: TemplateParams, body: TemplateCurrenciesBody, response: { 200: TemplateReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const { templateId } = req.params;
      if (!(await setTemplateCurrencies(db(), s.portalId, templateId, req.body.dealCurrencies, new Date().toISOString())))
        throw templateNotFound(templateId);
      return one(req, s.portalId, templateId, false);
    },
  );

  // Archive: new packs no longer use it; packs made from it keep naming its versions. Restore: an
  // archived template goes back into new packs at its current version.
  const toggles = [
    { method: 'DELETE', url: '/api/v1/documents/templates/:templateId', apply: archiveTemplate },
    { method: 'POST', url: '/api/v1/documents/templates/:templateId/restore', apply: restoreTemplate },
  ] as const;
  for (const { method, url, apply } of toggles)
    app.route({
      method,
      url,
      preHandler: admin,
      schema: { params: TemplateParams, response: { 200: TemplateReply, ...errors } },
      handler: async (req) => {
        const s = req.session!;
        await apply(db(), s.portalId, req.params.templateId, new Date().toISOString());
        return one(req, s.portalId, req.params.templateId, false);
      },
    });
};

function tooLarge(lang: UserLanguage, bytes: number): AppError {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return localizedError('TEMPLATE_TOO_LARGE', lang, `template of ${bytes} bytes`, { sizeMb: mb(bytes), limitMb: mb(MAX) });
}
