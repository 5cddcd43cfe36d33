// placementRoutes wired to the platform: the POSTed AUTH_ID is checked against the portal
// (server/security/verify.ts) and the widget session is signed by app.sessions
// (server/security/session.ts). server/app.ts registers this plugin.
import type { FastifyPluginAsync } from 'fastify';
import type { LoanProduct } from '../server/products/product.js';
import { isoDay } from '../server/loans/operations/deps.js';
import { getLoanView } from '../server/loans/operations/get-loan-view.js';
import { readIssueState } from '../server/lifecycle/issue-state.js';
import { findPortalById, findPortalByMemberId } from '../server/portals/portal-repo.js';
import { listProducts } from '../server/products/product-repo.js';
import { dealSeenByUser } from '../server/security/deal-origin.js';
import { verifyFramePost } from '../server/security/verify.js';
import { placementDescriptors } from './index.js';
import { placementRoutes } from './routes.js';
import { settingsPlacement } from './settings.js';

export const appPlacementRoutes: FastifyPluginAsync = async (app) => {
  await app.register(placementRoutes, {
    verifyPlacement: async (post) => {
      const a = await verifyFramePost(app, post);
      return { portalId: a.portal.id, userId: a.userId, isAdmin: a.isAdmin, userName: a.userName };
    },
    // The user's own POSTed AUTH_ID on the endpoint we STORED for the POSTed member_id (the one
    // verifyPlacement asks `profile` at), asked while that verification runs; the answer is used
    // only if it passes. A portal that verification found renamed is asked again at its new address.
    canReadDeal: async (post, verifying, dealId) => {
      const token = typeof post.body.AUTH_ID === 'string' ? post.body.AUTH_ID : '';
      const memberId = typeof post.body.member_id === 'string' ? post.body.member_id : '';
      const stored = memberId ? await findPortalByMemberId(app.db.kysely, memberId) : undefined;
      // Beside the token check, and like it ahead of the portal's background requests (frame-gate.ts).
      const early = stored ? app.portalClients.frames.during(stored.id, () => dealSeenByUser(stored.clientEndpoint, token, dealId)) : null;
      early?.catch(() => undefined);
      const verified = await verifying;
      const portal = await findPortalById(app.db.kysely, verified.portalId);
      if (!portal) return null;
      if (early && stored?.clientEndpoint === portal.clientEndpoint) return early;
      return dealSeenByUser(portal.clientEndpoint, token, dealId);
    },
    issueSession: (claims) => app.sessions.issue(claims),
    // Bound placements plus the app's own page (DEFAULT: the app URL, never placement.bind).
    descriptors: [...placementDescriptors, settingsPlacement],
    listProducts: async (portalId) => (await listProducts(app.db.kysely, portalId)).map(toWidgetProduct),
    // The GET …/loan answer as of today, without the servicing the widget computes itself; the schedule
    // only once a prepayment rebuilt it (reduce-term / reduce-installment): then the tab shows the version
    // the server holds, not the one it would compute from the terms (widgets/loan-tab/payments-model.ts load).
    initialLoan: async (portalId, dealId) => {
      const view = await getLoanView(app.db.kysely, portalId, dealId, isoDay(new Date()));
      if (!view) return null;
      const { schedule, servicing, ...loan } = view;
      void servicing;
      // Whether the loan is issued yet, as GET …/loan answers it (server/lifecycle/issue-state.ts).
      const saved = { ...loan, issue: await readIssueState(app.db.kysely, portalId, dealId) };
      const rebuilt = saved.payments.some((p) => p.prepaymentMode === 'reduce-term' || p.prepaymentMode === 'reduce-installment');
      return rebuilt ? { ...saved, schedule } : saved;
    },
  });
};

/** The admin's product as the loan tab uses it (widgets/loan-tab/product.ts). */
export function toWidgetProduct(p: LoanProduct) {
  return {
    code: p.id,
    title: p.name,
    method: p.method,
    rateKind: p.rateUnit,
    rateMin: p.rateMin,
    rateMax: p.rateMax,
    termMin: p.termMin,
    termMax: p.termMax,
    amountMin: p.amountMin,
    amountMax: p.amountMax,
    currency: p.currency,
    fees: p.fees,
    dayCount: p.dayCount,
    profile: p.profile,
    payoffInterest: p.payoffInterest ?? 'pro-rata',
    catBasis: p.catBasis ?? null,
    lateFees: p.lateFees ?? [],
    delinquencyGraceDays: p.delinquencyGraceDays ?? null,
    lateFeesWaivable: p.lateFeesWaivable === true,
    installmentStep: p.installmentStep ?? null,
    annuityMode: p.annuityMode ?? null,
  };
}
