import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';

// The one place the loan API reads who is calling. The platform's requireSession verifies the
// token and the portal; on top of it, a loan route needs a session opened for exactly this deal
// (a session without a deal — e.g. an admin page — cannot touch loans).

export interface LoanCaller {
  portalId: string;
  userId: number;
  dealId: number;
  isAdmin: boolean;
}

export function loanSessionGuards(): preHandlerAsyncHookHandler[] {
  const strictDeal: preHandlerAsyncHookHandler = async (req) => {
    void callerFor(req);
  };
  return [requireSession({ dealParam: 'dealId' }), strictDeal];
}

/** The verified caller; throws unless the session is bound to the deal in the URL. */
export function callerFor(req: FastifyRequest): LoanCaller {
  const s = req.session;
  if (!s) throw new AppError('SESSION_INVALID', 'no session on request');
  const dealId = Number((req.params as { dealId?: unknown }).dealId);
  if (s.dealId === undefined || s.dealId !== dealId)
    throw new AppError('FORBIDDEN', `session deal ${s.dealId} ≠ ${dealId}`, { key: 'SESSION_OTHER_DEAL' });
  return { portalId: s.portalId, userId: s.userId, dealId, isAdmin: s.isAdmin };
}
