import type { FastifyInstance } from 'fastify';
import { OutboxWorker } from '../jobs/worker.js';
import { createSecretBox, type SecretBox } from '../security/crypto.js';
import { createSessionSigner } from '../security/session.js';
import { uuidv7 } from '../security/uuidv7.js';
import { PortalClients } from './client-cache.js';
import type { PortalClient } from './portal-client.js';

// Our own decorators in one place: secrets (encryption), sessions (HMAC), the per-portal client
// cache and the outbox worker. The worker starts with the app when WORKER=on and stops on close.

declare module 'fastify' {
  interface FastifyInstance {
    secrets: SecretBox;
    portalClients: PortalClients;
    /** The long-lived client of a portal (throws ReinstallNeeded if the portal is not active). */
    getPortalClient(portalId: string): Promise<PortalClient>;
    outbox: OutboxWorker;
    /** Identifies this process in leases (refresh lock, job claims). */
    instanceId: string;
  }
}

/** Called by buildApp on the root instance (not a child plugin: the decorators must be visible to all routes). */
export function registerPlatform(app: FastifyInstance): void {
  const c = app.config;
  const instanceId = `i-${uuidv7().slice(-12)}`;
  const secrets = createSecretBox(c.ENCRYPTION_KEY);
  const portalClients = new PortalClients({
    db: app.db.kysely,
    box: secrets,
    oauthServer: c.B24_OAUTH_SERVER,
    clientId: c.B24_CLIENT_ID,
    clientSecret: c.B24_CLIENT_SECRET,
    owner: instanceId,
    rate: { burstLimit: c.B24_RATE_BURST, drainRate: c.B24_RATE_DRAIN },
    maxSize: c.PORTAL_CLIENT_CACHE_SIZE,
  });
  app.decorate('instanceId', instanceId);
  app.decorate('secrets', secrets);
  app.decorate('sessions', createSessionSigner(c.SESSION_SECRET, c.SESSION_TTL_SEC));
  app.decorate('portalClients', portalClients);
  app.decorate('getPortalClient', (portalId: string) => portalClients.get(portalId));
  const worker = new OutboxWorker({
    db: app.db.kysely,
    dialect: app.db.dialect,
    log: app.log,
    workerId: `${instanceId}-w`,
    getPortalClient: (id) => portalClients.get(id),
    pollMs: c.OUTBOX_POLL_MS,
  });
  app.decorate('outbox', worker);
  if (c.WORKER === 'on') app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
}
