import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { numberLocaleOf } from '../../../../lending/index.js';
import { docxLimits } from '../../../documents/docx/index.js';
import { lintUpload } from '../../../documents/templates/lint-upload.js';
import { requireSession } from '../../../security/session.js';
import { ErrorReply, LintBody, LintReply } from './schemas.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 413: ErrorReply, 422: ErrorReply };

/**
 * The body may carry a file somewhat over the template limit, so that a 30 MB template gets the
 * template's own answer (413 TEMPLATE_TOO_LARGE in the admin's language) rather than Fastify's.
 */
const BODY_LIMIT = Math.ceil((4 * docxLimits.MAX_TEMPLATE_BYTES) / 3) * 4 + 64 * 1024;

// An admin's template upload, checked against a published catalog version before anything is stored
// (issue 15, item 3): every placeholder, list, condition and check box, or every problem with the
// nearest valid code. Storing them per bank with versions: template-uploads.ts.
export const documentTemplateRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;

  app.post(
    '/api/v1/documents/templates/lint',
    {
      preHandler: requireSession({ admin: true }),
      bodyLimit: BODY_LIMIT,
      schema: { body: LintBody, response: { 200: LintReply, ...errors } },
    },
    async (req) => {
      const s = req.session!;
      const lang = numberLocaleOf(req.headers['accept-language']);
      const bytes = Buffer.from(req.body.contentBase64, 'base64');
      const { catalogVersion, report } = await lintUpload(db(), s.portalId, bytes, lang, req.body.catalogVersion);
      return {
        catalogVersion,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        placeholders: report.placeholders,
        lists: report.lists,
        conditions: report.conditions,
        checkboxes: report.checkboxes,
        parts: report.parts,
      };
    },
  );
};
