import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { numberLocaleOf } from '../../../../lending/index.js';
import { AppError } from '../../../errors.js';
import { toFillerFields } from '../../../documents/catalog/catalog-field.js';
import { getVersion, listVersions } from '../../../documents/catalog/catalog-repo.js';
import { checkTemplate, docxLimits } from '../../../documents/docx/index.js';
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
// nearest valid code. Storing templates per bank comes with the banks (item 2).
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
      const version = req.body.catalogVersion ?? (await listVersions(db(), s.portalId)).at(-1)?.version;
      const fields = version === undefined ? null : await getVersion(db(), s.portalId, version);
      if (version === undefined || !fields) throw new AppError('NOT_FOUND', 'no catalog version', 'Publish the field catalog first.');
      const bytes = Buffer.from(req.body.contentBase64, 'base64');
      const report = checkTemplate(bytes, toFillerFields(fields), lang);
      return {
        catalogVersion: version,
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
