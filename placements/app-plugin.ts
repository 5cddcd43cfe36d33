// placementRoutes wired to the platform: the POSTed AUTH_ID is checked against the portal
// (server/security/verify.ts) and the widget session is signed by app.sessions
// (server/security/session.ts). server/app.ts registers this plugin.
import type { FastifyPluginAsync } from 'fastify';
import { verifyFramePost } from '../server/security/verify.js';
import { placementRoutes } from './routes.js';

export const appPlacementRoutes: FastifyPluginAsync = async (app) => {
  await app.register(placementRoutes, {
    verifyPlacement: async (post) => {
      const a = await verifyFramePost(app, post);
      return { portalId: a.portal.id, userId: a.userId, isAdmin: a.isAdmin };
    },
    issueSession: (claims) => app.sessions.issue(claims),
  });
};
