// placementRoutes wired to the platform: the POSTed AUTH_ID is checked against the portal
// (server/security/verify.ts) and the widget session is signed by app.sessions
// (server/security/session.ts). server/app.ts registers this plugin.
import type { FastifyPluginAsync } from 'fastify';
import type { LoanProduct } from '../server/products/product.js';
import { findPortalById } from '../server/portals/portal-repo.js';
import { listProducts } from '../server/products/repository.js';
import { userCanReadDeal } from '../server/security/deal-origin.js';
import { verifyFramePost } from '../server/security/verify.js';
import { placementDescriptors } from './index.js';
import { placementRoutes } from './routes.js';
import { settingsPlacement } from './settings.js';

export const appPlacementRoutes: FastifyPluginAsync = async (app) => {
  await app.register(placementRoutes, {
    verifyPlacement: async (post) => {
      const a = await verifyFramePost(app, post);
      return { portalId: a.portal.id, userId: a.userId, isAdmin: a.isAdmin };
    },
    // The user's own POSTed AUTH_ID (already accepted by verifyPlacement) on the stored endpoint.
    canReadDeal: async (post, verified, dealId) => {
      const portal = await findPortalById(app.db.kysely, verified.portalId);
      const token = typeof post.body.AUTH_ID === 'string' ? post.body.AUTH_ID : '';
      return !!portal && userCanReadDeal(portal.clientEndpoint, token, dealId);
    },
    issueSession: (claims) => app.sessions.issue(claims),
    // Bound placements plus the app's own page (DEFAULT: the app URL, never placement.bind).
    descriptors: [...placementDescriptors, settingsPlacement],
    listProducts: async (portalId) => (await listProducts(app.db.kysely, portalId)).map(toWidgetProduct),
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
  };
}
