import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { langOfHeader } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';
import { checkMailAccounts } from '../../../mail/settings/connection-check.js';
import { accountsOf, checkAccounts, maskMailSettings } from '../../../mail/settings/mail-settings.js';
import { getMailSettings, saveMailSettings } from '../../../mail/settings/mail-settings-repo.js';
import { MailCheckReply, MailSettingsBody, MailSettingsReply } from '../../../../wire/mail-settings.js';
import { ErrorReply } from '../../../../wire/errors.js';

// The portal's mail accounts (issue 16 item 1): portal administrators only, scoped by the session's
// portal. Passwords are write-only — a body without one keeps the stored password while the account
// still names the same host, port and user. Saving restarts the portal's mailbox reader.
// "Test" checks what the admin typed (stored passwords filling the gaps), before or after saving.

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };

export const mailSettingsRoutes: FastifyPluginAsync<{ checkTimeoutMs: number }> = async (fastify, opts) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });

  app.get('/api/v1/settings/mail', { preHandler: admin, schema: { response: { 200: MailSettingsReply, ...errors } } }, async (req) => {
    const s = await getMailSettings(app.db.kysely, app.secrets, req.session!.portalId);
    return { settings: s ? maskMailSettings(s) : null };
  });

  app.put(
    '/api/v1/settings/mail',
    { preHandler: admin, schema: { body: MailSettingsBody, response: { 200: MailSettingsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const saved = await app.db.kysely.transaction().execute(async (trx) => {
        const stored = await getMailSettings(trx, app.secrets, s.portalId);
        const a = accountsOf(req.body, stored);
        checkAccounts(a, req.body, stored);
        return saveMailSettings(trx, app.secrets, s.portalId, a, { userId: s.userId, nowIso: new Date().toISOString() });
      });
      req.log.info({ portalId: s.portalId, version: saved.version }, 'mail settings saved');
      app.mailReaders.settingsChanged(s.portalId);
      return { settings: maskMailSettings(saved) };
    },
  );

  app.post(
    '/api/v1/settings/mail/test',
    { preHandler: admin, schema: { body: MailSettingsBody, response: { 200: MailCheckReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const a = accountsOf(req.body, await getMailSettings(app.db.kysely, app.secrets, s.portalId));
      const r = await checkMailAccounts(a, langOfHeader(req.headers['accept-language']), opts.checkTimeoutMs);
      req.log.info({ portalId: s.portalId, smtp: r.smtp.reason, imap: r.imap.reason }, 'mail settings tested');
      return r;
    },
  );
};
