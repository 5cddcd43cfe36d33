import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { AppError, langOfHeader } from './errors.js';
import { errorReply } from './error-reply.js';
import { registerFormBodies } from './form-body.js';
import { loggerOptions } from './logger.js';
import { refuseHostileInput } from './input-guard.js';
import { healthRoutes } from './routes/health/index.js';
import { platformPlugin } from './portal-client/platform.js';
import { jobsPlugin } from './jobs/plugin.js';
import { schedulerPlugin } from './scheduler/index.js';
import { lifecyclePlugin } from './lifecycle/plugin.js';
import { mailReaderPlugin } from './mail/inbox/reader-plugin.js';
import { mailSettingsRoutes } from './routes/api/mail-settings/index.js';
import { bankMessageRoutes } from './routes/api/bank-messages/index.js';
import { lifecycleRoutes } from './routes/api/lifecycle/index.js';
import { reminderRoutes } from './routes/api/reminders/index.js';
import { mailReplyRoutes } from './routes/api/mail-replies/index.js';
import { installRoutes } from './routes/install/index.js';
import { eventRoutes } from './routes/events/index.js';
import { authRoutes } from './routes/auth/index.js';
import { adminRoutes } from './routes/admin/index.js';
import { activityRoutes } from './routes/activities/index.js';
import { smsSenderRoutes } from './routes/sms/index.js';
import { loanRoutes } from './routes/api/loans/index.js';
import { sessionRoutes } from './routes/session/index.js';
import { productRoutes } from './routes/api/products/index.js';
import { documentCatalogRoutes } from './routes/api/documents/index.js';
import { documentTemplateRoutes } from './routes/api/documents/templates.js';
import { documentTemplateStoreRoutes } from './routes/api/documents/template-uploads.js';
import { documentBankRoutes } from './routes/api/documents/banks.js';
import { documentValueRoutes } from './routes/api/documents/values.js';
import { documentPackRoutes } from './routes/api/documents/packs.js';
import { documentScanRoutes } from './routes/api/documents/scans.js';
import { paymentImportRoutes } from './routes/api/payment-imports/index.js';
import { createParsePool } from './payment-files/worker/worker-pool.js';
import { appPlacementRoutes } from '../placements/app-plugin.js';
import { settingsAdminPage } from '../placements/settings.js';
import { settingsRoutes } from './routes/api/settings/index.js';
import { checkRoutes } from './routes/api/checks/index.js';
import { planLimitRoutes } from './routes/api/plan-limits/index.js';
import { lenderProfileRoutes } from './routes/api/settings/lender.js';
import { providerSettingsPlugin } from './settings/wire.js';
import { sealLegacyBankContacts } from './documents/values/seal-bank-contacts.js';
import type { ActivitySetup } from './activities/deps.js';
import type { DnsResolver } from 'mailauth';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
  }
}

export interface AppDeps {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Providers and tunables of the robots; a test passes its own settings port (default: the settings store). */
  activities?: ActivitySetup;
  /** The DNS the mail reader's DKIM/DMARC checks ask (default: the system's; a test passes a table). */
  mailDns?: DnsResolver;
}

/** The app as a value: never listens. main.ts owns the process; tests use app.inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(deps.config.LOG_LEVEL),
    bodyLimit: 1_048_576,
    ajv: { customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', deps.config);
  app.decorate('db', deps.db);
  registerFormBodies(app); // Bitrix24-facing routes only; the JSON API takes application/json
  // Before validation on every route: control characters, bidi overrides, hostile nesting, JSON of the wrong type → 400.
  app.addHook('preValidation', refuseHostileInput);

  app.setErrorHandler((err, req, reply) => {
    const r = errorReply(err, req.log, langOfHeader(req.headers['accept-language']));
    return reply.code(r.status).send(r.body);
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` }),
  );

  await app.register((await import('./routes/docs.js')).docsAndLendingApi); // OpenAPI /docs + /api/v1/lending (first, so swagger sees every route)
  await app.register(healthRoutes);
  // Our decorators, in dependency order (each declares its name and dependencies).
  await app.register(platformPlugin); // secrets, sessions, portal clients
  // Bank contacts stored in clear before migration 202612042030 are sealed once the key is known.
  app.addHook('onReady', async () => {
    const sealed = await sealLegacyBankContacts(app.db.kysely, app.secrets);
    if (sealed > 0) app.log.info({ sealed }, 'bank contacts sealed at rest');
  });
  await app.register(providerSettingsPlugin, deps.activities ? { activities: deps.activities } : {}); // app.activities
  await app.register(jobsPlugin); // every job kind and the outbox worker
  await app.register(schedulerPlugin); // daily loan resync, with the outbox worker (WORKER=on)
  await app.register(lifecyclePlugin); // deal stages ↔ loan: the offline-event drain tick (kinds in jobs/handlers.ts)
  await app.register(mailReaderPlugin, deps.mailDns ? { resolver: deps.mailDns } : {}); // one IMAP reader per portal's bank-reply mailbox (MAIL_READER=on)
  await app.register(installRoutes);
  await app.register(eventRoutes);
  await app.register(authRoutes);
  await app.register(adminRoutes);
  await app.register(settingsAdminPage); // GET /admin/products: the settings screen outside the portal
  await app.register(activityRoutes);
  await app.register(settingsRoutes); // /api/v1/settings/providers (admin)
  await app.register(planLimitRoutes); // /api/v1/portal/plan-limits: what the portal's plan refused
  await app.register(checkRoutes, { allowLocalUrls: deps.config.CHECKS_ALLOW_LOCAL_URLS === 'on' }); // /api/v1/checks/* (admin): blacklist, bureau
  await app.register(lifecycleRoutes); // /api/v1/settings/stage-maps (admin): pipeline stages ↔ loan events
  await app.register(mailReplyRoutes); // /api/v1/mail/replies (admin): the bank-reply review queue, apply, dismiss
  await app.register(reminderRoutes); // /api/v1/settings/reminders (admin): installment reminder rules, zone, law
  await app.register(lenderProfileRoutes); // /api/v1/settings/lender (admin): company name the scripts say
  await app.register(mailSettingsRoutes, { checkTimeoutMs: deps.config.MAIL_CONNECT_TIMEOUT_MS }); // /api/v1/settings/mail (admin): SMTP, IMAP, reply scheme, test
  await app.register(smsSenderRoutes);
  await app.register(loanRoutes);
  await app.register(sessionRoutes); // POST /api/v1/session/renew: the widget's silent renewal
  await app.register(productRoutes);
  await app.register(documentTemplateRoutes); // /api/v1/documents/templates/lint (admin): the upload's linter
  await app.register(documentTemplateStoreRoutes); // /api/v1/documents/templates: per bank, versioned (admin uploads)
  await app.register(documentCatalogRoutes); // /api/v1/documents/catalog/* (admin edits, publishes) and the deal's pinned application
  await app.register(documentBankRoutes); // /api/v1/documents/banks (admin edits the banks directory)
  await app.register(bankMessageRoutes); // /api/v1/deals/:dealId/bank-messages: mail to bank staff through the outbox
  await app.register(documentValueRoutes); // /api/v1/deals/:dealId/documents/values: base, per-bank overrides, reset, history
  await app.register(documentPackRoutes); // /api/v1/deals/:dealId/documents/packs: generate, poll, file, preview, manifest
  await app.register(documentScanRoutes); // /api/v1/deals/:dealId/documents/scans: the client's scans kept with the application
  const c = deps.config;
  // /api/v1/payment-imports (admin): files parsed in worker threads, off the request thread.
  await app.register(paymentImportRoutes, {
    parser: createParsePool({
      threads: c.PAYMENT_IMPORT_THREADS,
      queueLimit: c.PAYMENT_IMPORT_QUEUE,
      timeoutMs: c.PAYMENT_IMPORT_TIMEOUT_MS,
      memoryMb: c.PAYMENT_IMPORT_MEMORY_MB,
    }),
    leaseMs: c.PAYMENT_IMPORT_LEASE_MS,
  });
  await app.register(appPlacementRoutes); // placement iframe POSTs + /widgets/* bundles
  return app;
}

export { AppError };
