import fp from 'fastify-plugin';
import { jobHandlers } from './handlers.js';
import type { JobHandlers } from './job.js';
import { OutboxWorker } from './worker.js';
import type { OutgoingMail } from '../mail/outgoing/outgoing-mail.js';
import { createSmtpOutgoingMail } from '../mail/outgoing/smtp-outgoing-mail.js';
import { getMailSettings } from '../mail/settings/mail-settings-repo.js';
import { createPreviewer } from '../documents/preview/render-preview.js';

// The jobs plugin: the handler table (server/jobs/handlers.ts) built with its dependencies, and the
// outbox worker that runs it. The worker starts with the app when WORKER=on and stops on close.

declare module 'fastify' {
  interface FastifyInstance {
    outbox: OutboxWorker;
    /** Every job kind and its handler (a test's own worker runs the same table). */
    jobHandlers: JobHandlers;
    /** Mail through each portal's own SMTP account (the jobs' `mail`; a test's own worker takes it from here). */
    mail: OutgoingMail;
  }
}

export const jobsPlugin = fp(
  async (app) => {
    const mail = createSmtpOutgoingMail({
      smtpFor: async (portalId) => (await getMailSettings(app.db.kysely, app.secrets, portalId))?.smtp,
      timeoutMs: app.config.MAIL_CONNECT_TIMEOUT_MS,
    });
    const previewer = app.config.DOCUMENT_PREVIEW === 'on' ? createPreviewer({ timeoutMs: app.config.DOCUMENT_PREVIEW_TIMEOUT_MS }) : null;
    const handlers = jobHandlers({
      mail,
      secrets: app.secrets,
      activities: app.activities,
      checks: { box: app.secrets, allowLocalUrls: app.config.CHECKS_ALLOW_LOCAL_URLS === 'on' },
      documents: { previewer },
    });
    const worker = new OutboxWorker({
      db: app.db.kysely,
      dialect: app.db.dialect,
      log: app.log,
      workerId: `${app.instanceId}-w`,
      getPortalClient: (id) => app.portalClients.get(id),
      handlers,
      pollMs: app.config.OUTBOX_POLL_MS,
    });
    app.decorate('jobHandlers', handlers);
    app.decorate('mail', mail);
    app.decorate('outbox', worker);
    if (app.config.WORKER === 'on') app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => {
      await worker.stop();
      await previewer?.close();
    });
  },
  // Portal clients and the instance id from the platform; providers from the settings port.
  { name: 'jobs', dependencies: ['platform', 'provider-settings'] },
);
