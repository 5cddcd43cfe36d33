import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { enqueue } from '../../../jobs/outbox.js';
import { defaultLoanDeps, type LoanDeps } from '../../../loans/operations/deps.js';
import { registerLoanSyncJob } from '../../../loans/sync/job.js';
import type { RegisterFn } from '../../../payment-files/import/apply-lines.js';
import type { PaymentFileParser } from '../../../payment-files/import/parser-port.js';
import { listImports } from '../../../payment-files/import/repository.js';
import { fileTooLarge, runImport } from '../../../payment-files/import/run-import.js';
import { requireSession } from '../../../security/session.js';
import { ErrorReply, ImportBody, ImportReply, ImportsReply, RefusedReply } from './schemas.js';

export interface PaymentImportRoutesOptions {
  /** The payment-file parser (server/payment-files/parse). */
  parser: PaymentFileParser;
  /** Overrides for tests (clock, ids); the outbox enqueue is bound by default. */
  deps?: Partial<LoanDeps>;
  register?: RegisterFn;
}

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 409: ErrorReply, 413: ErrorReply, 422: RefusedReply };

/** Bytes the base64 text decodes to, from its length alone (nothing is decoded). */
export function decodedBase64Bytes(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

// Payment files from paying agents (seed 000): an administrator previews (dryRun) and applies a
// file; it is refused whole (422 IMPORT_REFUSED, every issue listed) when any line is wrong. Every
// query is scoped by the session's portal. The file's bytes and lines are never logged or stored.
export const paymentImportRoutes: FastifyPluginAsync<PaymentImportRoutesOptions> = async (fastify, opts) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const loanDeps = defaultLoanDeps({ enqueue: (trx, job) => enqueue(trx, job), ...opts.deps });
  registerLoanSyncJob();
  const { parser } = opts;
  const db = () => app.db.kysely;
  const admin = requireSession({ admin: true });
  // Base64 takes 4 bytes per 3; the margin covers the JSON around it. Bigger bodies get Fastify's 413.
  const bodyLimit = Math.ceil(parser.maxFileBytes / 3) * 4 + 64 * 1024;

  app.post(
    '/api/v1/payment-imports',
    { preHandler: admin, bodyLimit, schema: { body: ImportBody, response: { 200: ImportReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const { fileName, contentBase64, mapping, locale, dryRun } = req.body;
      if (decodedBase64Bytes(contentBase64) > parser.maxFileBytes) throw fileTooLarge(parser.maxFileBytes);
      const file = { fileName, content: Buffer.from(contentBase64, 'base64') };
      return runImport(
        db(),
        s.portalId,
        { file, mapping, locale, dryRun },
        { userId: s.userId },
        { parser, loan: loanDeps, ...(opts.register ? { register: opts.register } : {}) },
      );
    },
  );

  app.get('/api/v1/payment-imports', { preHandler: admin, schema: { response: { 200: ImportsReply, ...errors } } }, async (req) => ({
    imports: await listImports(db(), req.session!.portalId),
  }));
};
