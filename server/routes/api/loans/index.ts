import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { enqueue } from '../../../jobs/outbox.js';
import type { LoanInput } from '../../../loans/lending-types.js';
import { defaultLoanDeps, isoDay, type LoanDeps } from '../../../loans/operations/deps.js';
import { getLoanView, type PaymentView as PaymentViewT } from '../../../loans/operations/get-loan-view.js';
import { registerPayment } from '../../../loans/operations/register-payment.js';
import { reversePayment } from '../../../loans/operations/reverse-payment.js';
import { saveLoan } from '../../../loans/operations/save-loan.js';
import { readOfferFreeze } from '../../../lifecycle/offer-freeze-check.js';
import { readIssueState } from '../../../lifecycle/issue-state.js';
import { scheduleVersionOf, scheduleVersionsOf } from '../../../loans/operations/schedule-history.js';
import type { LedgerEntry } from '../../../loans/loan.js';
import { callerFor, loanSessionGuards } from './session.js';
import {
  AsOfQuery,
  DealParams,
  ErrorReply,
  LoanViewBody,
  PaymentBody,
  PaymentParams,
  PaymentReply,
  ReversalBody,
  ReversalReply,
  SaveLoanBody,
  SaveLoanReply,
  ScheduleVersionParams,
  ScheduleVersionReply,
  ScheduleVersionsReply,
} from '../../../../wire/loans.js';

export interface LoanRoutesOptions {
  /** Overrides for tests (clock, ids); the outbox enqueue is bound by default. */
  deps?: Partial<LoanDeps>;
}

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };

// The loan tab's API (issue 5). Every route: session bound to this portal and exactly this deal;
// every query scoped by the session's portal. Saves and payments enqueue the portal sync (loan.sync)
// in their transaction; the outbox worker pushes it.
export const loanRoutes: FastifyPluginAsync<LoanRoutesOptions> = async (fastify, opts) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const deps = defaultLoanDeps({ enqueue: (trx, job) => enqueue(trx, job), ...opts.deps });
  const preHandler = loanSessionGuards();
  const db = () => app.db.kysely;

  app.get(
    '/api/v1/deals/:dealId/loan',
    { preHandler, schema: { params: DealParams, querystring: AsOfQuery, response: { 200: LoanViewBody, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      const view = await getLoanView(db(), c.portalId, c.dealId, req.query.asOf ?? isoDay(deps.now()));
      if (!view) throw new AppError('LOAN_NOT_FOUND', `no loan for deal ${c.dealId}`);
      return { ...view, issue: await readIssueState(db(), c.portalId, c.dealId) };
    },
  );

  // The schedule's history: a prepayment that rebuilt it made a new version; the old ones stay readable.
  app.get(
    '/api/v1/deals/:dealId/loan/schedule-versions',
    { preHandler, schema: { params: DealParams, response: { 200: ScheduleVersionsReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return scheduleVersionsOf(db(), c.portalId, c.dealId);
    },
  );
  app.get(
    '/api/v1/deals/:dealId/loan/schedule-versions/:version',
    { preHandler, schema: { params: ScheduleVersionParams, response: { 200: ScheduleVersionReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return scheduleVersionOf(db(), c.portalId, c.dealId, req.params.version);
    },
  );

  const save = async (req: { body: { loan: unknown; productId?: string | null; reason?: string } } & Parameters<typeof callerFor>[0]) => {
    const c = callerFor(req);
    const body = req.body;
    const terms = body.loan as LoanInput;
    // A fixed offer (issue 14 item 1) refuses changed terms: read before, checked again in the save's transaction.
    const guard = await readOfferFreeze(db(), () => app.portalClients.get(c.portalId), c.portalId, c.dealId, {
      terms,
      productId: body.productId ?? null,
    });
    return saveLoan(
      db(),
      c.portalId,
      c.dealId,
      { terms, productId: body.productId ?? null, reason: body.reason ?? 'save', guard },
      { userId: c.userId },
      deps,
    );
  };
  const saveSchema = { params: DealParams, body: SaveLoanBody, response: { 200: SaveLoanReply, ...errors } };
  app.put('/api/v1/deals/:dealId/loan', { preHandler, schema: saveSchema }, async (req) => save(req));
  // POST is the same save, for clients that only speak GET/POST (the loan tab widget).
  app.post('/api/v1/deals/:dealId/loan', { preHandler, schema: saveSchema }, async (req) => save(req));

  app.post(
    '/api/v1/deals/:dealId/payments',
    { preHandler, schema: { params: DealParams, body: PaymentBody, response: { 200: PaymentReply, 201: PaymentReply, ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const r = await registerPayment(db(), c.portalId, c.dealId, req.body, { userId: c.userId }, deps);
      return reply.code(r.replayed ? 200 : 201).send({ payment: paymentView(r.entry), replayed: r.replayed, version: r.version });
    },
  );

  app.post(
    '/api/v1/deals/:dealId/payments/:paymentId/reversal',
    { preHandler, schema: { params: PaymentParams, body: ReversalBody, response: { 200: ReversalReply, 201: ReversalReply, ...errors } } },
    async (req, reply) => {
      const c = callerFor(req);
      const r = await reversePayment(
        db(),
        c.portalId,
        c.dealId,
        req.params.paymentId,
        { reasonCode: req.body.reasonCode, note: req.body.note ?? null },
        { userId: c.userId },
        deps,
      );
      const e = r.entry;
      return reply.code(r.replayed ? 200 : 201).send({
        reversal: {
          entryId: e.id,
          paymentId: req.params.paymentId,
          date: e.valueDate,
          amount: e.amount,
          reasonCode: e.reasonCode ?? '',
          note: e.reference,
        },
        replayed: r.replayed,
        version: r.version,
      });
    },
  );
};

function paymentView(e: LedgerEntry): PaymentViewT {
  return {
    id: e.externalId,
    entryId: e.id,
    date: e.valueDate,
    amount: e.amount,
    method: e.method,
    reference: e.reference,
    createdAt: e.createdAt,
    allocationAtPosting: e.allocation,
    allocation: e.allocation,
    prepaymentMode: e.prepaymentMode ?? null,
  };
}
