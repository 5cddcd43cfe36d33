import fp from 'fastify-plugin';
import { createSecretBox, type SecretBox } from '../security/crypto.js';
import { createSessionSigner } from '../security/session.js';
import { uuidv7 } from '../security/uuidv7.js';
import { PortalClients } from './client-cache.js';
import type { PortalClient } from './portal-client.js';

// Our own decorators in one place: secrets (encryption), sessions (HMAC) and the per-portal client
// cache. The outbox worker is the jobs plugin's (server/jobs/plugin.ts), which depends on this one.

declare module 'fastify' {
  interface FastifyInstance {
    secrets: SecretBox;
    portalClients: PortalClients;
    /** The long-lived client of a portal (throws ReinstallNeeded if the portal is not active). */
    getPortalClient(portalId: string): Promise<PortalClient>;
    /** Identifies this process in leases (refresh lock, job claims). */
    instanceId: string;
  }
}

/** Decorates the root instance (fastify-plugin: the decorators are visible to all routes). */
export const platformPlugin = fp(
  async (app) => {
    const c = app.config;
    const instanceId = `i-${uuidv7().slice(-12)}`;
    // A stored value that no longer opens (altered in the database, or copied from another row) is
    // logged by where it was — table and portal, never the value — and its reader carries on.
    const secrets = createSecretBox(c.ENCRYPTION_KEY, (where) => app.log.warn({ where }, 'stored ciphertext unreadable'));
    const portalClients = new PortalClients({
      db: app.db.kysely,
      box: secrets,
      oauthServer: c.B24_OAUTH_SERVER,
      clientId: c.B24_CLIENT_ID,
      clientSecret: c.B24_CLIENT_SECRET,
      owner: instanceId,
      portalDomains: c.B24_PORTAL_DOMAINS,
      onMoveRefused: (portalId, host) =>
        app.log.warn({ portalId, host }, 'renamed portal: the new host is outside B24_PORTAL_DOMAINS, the old address is kept'),
      rate: { burstLimit: backgroundBurst(c.B24_RATE_BURST), drainRate: c.B24_RATE_DRAIN },
      maxSize: c.PORTAL_CLIENT_CACHE_SIZE,
    });
    app.decorate('instanceId', instanceId);
    app.decorate('secrets', secrets);
    app.decorate('sessions', createSessionSigner(c.SESSION_SECRET, c.SESSION_TTL_SEC));
    app.decorate('portalClients', portalClients);
    app.decorate('getPortalClient', (portalId: string) => portalClients.get(portalId));
  },
  { name: 'platform' },
);

/**
 * The app's own client keeps a fifth of the portal's bucket (at most 10 requests) free: the portal
 * counts the calls a user's frame makes with our application (the placement's `profile` check, the
 * deal-access check) in the same bucket, and a backlog of syncs that kept it full made every tab a
 * person opened answer "busy". Small buckets (tests) are used whole.
 */
export function backgroundBurst(burst: number): number {
  return burst > 10 ? burst - Math.min(10, Math.max(2, Math.floor(burst / 5))) : burst;
}
