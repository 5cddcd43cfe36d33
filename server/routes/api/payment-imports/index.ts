import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { enqueue } from '../../../jobs/outbox.js';
import { defaultLoanDeps, type LoanDeps } from '../../../loans/operations/deps.js';
import type { RegisterFn } from '../../../payment-files/import/apply-lines.js';
import { createImportQueue } from '../../../payment-files/import/import-queue.js';
import type { PaymentFileParser } from '../../../payment-files/import/parser-port.js';
import { expireAbandoned, getImport, listImports, type ImportState } from '../../../payment-files/import/import-repo.js';
import { fileTooLarge } from '../../../payment-files/import/run-import.js';
import { requireSession } from '../../../security/session.js';
import {
  ErrorReply,
  ImportAcceptedReply,
  ImportBody,
  ImportFileQuery,
  ImportIdParams,
  ImportStateReply,
  ImportsReply,
  LINES_PAGE,
  LinesQuery,
  LinesReply,
  RefusedReply,
} from '../../../../wire/payment-imports.js';

export interface PaymentImportRoutesOptions {
  /** The payment-file parser: the worker-thread pool in the server (payment-files/worker). */
  parser: PaymentFileParser & { hasRoom?: () => boolean; close?: () => Promise<void> };
  /** A queued or parsing import unrenewed this long was abandoned (a crash) and reads as failed. */
  leaseMs?: number;
  /** Overrides for tests (clock, ids); the outbox enqueue is bound by default. */
  deps?: Partial<LoanDeps>;
  register?: RegisterFn;
}

/** Imports of one portal in progress at once (per process): a second file may queue behind the first. */
const IMPORTS_PER_PORTAL = 2;

const errors = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  413: ErrorReply,
  422: RefusedReply,
  429: ErrorReply,
};

/** Bytes the base64 text decodes to, from its length alone (nothing is decoded). */
export function decodedBase64Bytes(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

// Payment files from paying agents (seed 000): an administrator previews (dryRun) and applies a
// file. The POST answers 202 with the import's id at once and the file is parsed in a worker thread
// (a 5 MB workbook takes seconds of CPU); the page polls GET /:id through queued → parsing → previewed
// / applied / refused (every issue listed, nothing booked) / failed (send it again). Every query is
// scoped by the session's portal. The file's bytes are never logged or stored.
export const paymentImportRoutes: FastifyPluginAsync<PaymentImportRoutesOptions> = async (fastify, opts) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const loanDeps = defaultLoanDeps({ enqueue: (trx, job) => enqueue(trx, job), ...opts.deps });
  const { parser } = opts;
  const db = () => app.db.kysely;
  const admin = requireSession({ admin: true });
  const queue = createImportQueue({
    db,
    deps: { parser, loan: loanDeps, ...(opts.register ? { register: opts.register } : {}) },
    leaseMs: opts.leaseMs ?? 30_000,
    perPortal: IMPORTS_PER_PORTAL,
    logFailure: ({ importId, code, err }) =>
      app.log.error({ importId, code, errName: err instanceof Error ? err.name : typeof err }, 'payment import failed'),
  });
  app.addHook('onClose', async () => {
    await parser.close?.();
    await queue.drain();
  });
  // Base64 takes 4 bytes per 3; the margin covers the JSON around it. Bigger bodies get Fastify's 413.
  const bodyLimit = Math.ceil(parser.maxFileBytes / 3) * 4 + 64 * 1024;

  app.post(
    '/api/v1/payment-imports',
    { preHandler: admin, bodyLimit, schema: { body: ImportBody, response: { 202: ImportAcceptedReply, ...errors } } },
    async (req, reply) => {
      const s = req.session!;
      const { fileName, contentBase64, mapping, locale, dryRun } = req.body;
      if (decodedBase64Bytes(contentBase64) > parser.maxFileBytes) throw fileTooLarge(parser.maxFileBytes);
      const file = { fileName, content: Buffer.from(contentBase64, 'base64') };
      const { importId } = await queue.submit(s.portalId, { file, mapping, locale, dryRun }, { userId: s.userId });
      return reply.code(202).send({ importId, status: 'queued' as const });
    },
  );

  // The file as its bytes (what the settings page sends): a 5 MB workbook as JSON is 6.6 MB of
  // base64 to parse, pattern-check and decode on the request thread, which stalled every other
  // request of the process (health checks 100+ ms, issue 10). As application/octet-stream the body
  // is only collected; parsing stays in the worker thread. The settings ride in the query string.
  app.register(async (binary) => {
    binary.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: parser.maxFileBytes }, (_req, body, done) =>
      done(null, body),
    );
    binary.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/payment-imports/file',
      {
        // onRequest: a stranger's 5 MB, or a file over the limit by its Content-Length, is refused
        // before it is read (with FILE_TOO_LARGE and the limit; a chunked body over it gets Fastify's 413).
        onRequest: [
          admin,
          async (req) => {
            if (Number(req.headers['content-length'] ?? 0) > parser.maxFileBytes) throw fileTooLarge(parser.maxFileBytes);
          },
        ],
        bodyLimit: parser.maxFileBytes,
        schema: { querystring: ImportFileQuery, response: { 202: ImportAcceptedReply, ...errors } },
      },
      async (req, reply) => {
        const s = req.session!;
        const q = req.query;
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError(
            'VALIDATION',
            'empty or non-binary import body',
            { key: 'FILE_AS_OCTET_STREAM' },
            {
              field: 'body',
            },
          );
        const mapping = { dealId: q.dealId, date: q.date, amount: q.amount, ...(q.reference ? { reference: q.reference } : {}) };
        const locale = { dateOrder: q.dateOrder, decimalSeparator: q.decimalSeparator };
        const file = { fileName: q.fileName, content: req.body };
        const { importId } = await queue.submit(s.portalId, { file, mapping, locale, dryRun: q.dryRun === 'true' }, { userId: s.userId });
        return reply.code(202).send({ importId, status: 'queued' as const });
      },
    );
  });

  app.get(
    '/api/v1/payment-imports/:id',
    { preHandler: admin, schema: { params: ImportIdParams, response: { 200: ImportStateReply, ...errors } } },
    async (req) => {
      const { portalId } = req.session!;
      await expireAbandoned(db(), portalId, loanDeps.now());
      const state = await getImport(db(), portalId, req.params.id);
      if (!state) throw new AppError('NOT_FOUND', 'no such payment import', { key: 'IMPORT_NOT_FOUND' });
      return stateReply(state);
    },
  );

  app.get(
    '/api/v1/payment-imports/:id/lines',
    { preHandler: admin, schema: { params: ImportIdParams, querystring: LinesQuery, response: { 200: LinesReply, ...errors } } },
    async (req) => {
      const { portalId } = req.session!;
      const state = await getImport(db(), portalId, req.params.id);
      const o = state?.outcome;
      if (!o || !('result' in o)) throw new AppError('NOT_FOUND', 'no lines for this payment import', { key: 'IMPORT_NOT_FOUND' });
      const { offset, limit } = req.query;
      return { lines: o.result.lines.slice(offset, offset + limit), lineCount: o.result.lines.length, offset };
    },
  );

  app.get('/api/v1/payment-imports', { preHandler: admin, schema: { response: { 200: ImportsReply, ...errors } } }, async (req) => {
    const { portalId } = req.session!;
    await expireAbandoned(db(), portalId, loanDeps.now());
    const imports = await listImports(db(), portalId);
    return { imports: imports.map((i) => ({ ...i, dryRun: i.dryRun ?? null, updatedAt: i.updatedAt ?? null })) };
  });
};

function stateReply(s: ImportState) {
  const o = s.outcome;
  return {
    importId: s.id,
    status: s.status,
    dryRun: s.dryRun ?? null,
    fileName: s.fileName,
    createdAt: s.createdAt,
    // The first page only: the whole of a 20 000-line file was a 3 MB reply serialised on the
    // request thread; the page reads the rest with GET …/:id/lines.
    ...(o && 'result' in o
      ? { result: { ...o.result, lines: o.result.lines.slice(0, LINES_PAGE), lineCount: o.result.lines.length } }
      : {}),
    ...(o && 'refusal' in o ? { refusal: o.refusal } : {}),
    ...(o && 'failure' in o ? { failure: o.failure } : {}),
  };
}
