import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getVersion, requireDealApplication } from '../../../documents/catalog/catalog-repo.js';
import { dealLoanValues } from '../../../documents/packs/deal-loan-values.js';
import { resolveValues, setValues, valueHistory } from '../../../documents/values/values-repo.js';
import { callerFor, loanSessionGuards } from '../loans/session.js';
import { HistoryReply, ResetParams, ValuesBody, ValuesReply } from '../../../../wire/documents.js';
import { actorOf } from './actor.js';
import { DealParams, ErrorReply } from './schemas.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };

// A deal's application values (issue 15, items 1–2): base values, per-bank overrides and the reset to
// base, each checked against the application's pinned catalog version; the history of changes.
export const documentValueRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;

  const dealApplication = (portalId: string, dealId: number) => requireDealApplication(db(), portalId, dealId);

  /**
   * The resolved values with the saved loan's figures beside them: a bank's required field the loan
   * gives is not missing (the document takes it from the loan).
   */
  async function resolved(req: FastifyRequest, application: Awaited<ReturnType<typeof dealApplication>>) {
    const c = callerFor(req);
    const view = await resolveValues(db(), app.secrets, c.portalId, application);
    const fields = (await getVersion(db(), c.portalId, application.catalogVersion)) ?? [];
    const loan = await dealLoanValues(db(), c.portalId, c.dealId, fields, actorOf(req, c.userId).lang);
    if (Object.keys(loan).length === 0) return view;
    return { ...view, loan, banks: view.banks.map((b) => ({ ...b, missing: b.missing.filter((code) => loan[code] === undefined) })) };
  }

  /** Writes base values (bankId null) or a bank's overrides, then answers with the resolved values. */
  async function write(req: FastifyRequest, bankId: string | null, values: Readonly<Record<string, unknown>>) {
    const c = callerFor(req);
    const application = await dealApplication(c.portalId, c.dealId);
    const by = actorOf(req, c.userId);
    await db()
      .transaction()
      .execute((trx) => setValues(trx, app.secrets, c.portalId, application, bankId, values, by));
    return resolved(req, application);
  }

  app.get(
    '/api/v1/deals/:dealId/documents/values',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: ValuesReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return resolved(req, await dealApplication(c.portalId, c.dealId));
    },
  );

  app.put(
    '/api/v1/deals/:dealId/documents/values',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, body: ValuesBody, response: { 200: ValuesReply, ...errors } } },
    async (req) => write(req, req.body.bankId ?? null, req.body.values),
  );

  // Reset to base: the bank's override of one field goes; the bank sees the base value again.
  app.delete(
    '/api/v1/deals/:dealId/documents/values/banks/:bankId/:code',
    { preHandler: loanSessionGuards(), schema: { params: ResetParams, response: { 200: ValuesReply, ...errors } } },
    async (req) => write(req, req.params.bankId, { [req.params.code]: null }),
  );

  app.get(
    '/api/v1/deals/:dealId/documents/values/history',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: HistoryReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      const { id } = await dealApplication(c.portalId, c.dealId);
      return { history: await valueHistory(db(), app.secrets, c.portalId, id) };
    },
  );
};
