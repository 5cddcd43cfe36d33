import fp from 'fastify-plugin';
import type { DnsResolver } from 'mailauth';
import { getMailSettings, readableMailboxes } from '../settings/mail-settings-repo.js';
import { imapAccountOf } from '../settings/imap-account.js';
import { replyTokenKey } from '../settings/token-key.js';
import { MailboxReader } from './mailbox-reader.js';
import { MailboxReaders } from './mailbox-readers.js';
import { replyContextFor } from './reply-context.js';

// The mailbox readers as part of the app (fp 'mail-reader'): with MAIL_READER=on, one reader per
// active portal whose mail settings have an IMAP password, started when the app is ready and
// stopped on close. A save of the settings in this process restarts that portal's reader at once
// (`mailReaders.settingsChanged`); saves in other processes are seen by a poll of the settings'
// versions every SETTINGS_POLL_MS. Readers in several processes may share a mailbox: their claims
// are disjoint (inbox-repo.ts). With MAIL_READER=off the decorator is there and does nothing.

const SETTINGS_POLL_MS = 30_000;

export interface MailReadersHandle {
  /** The portal's settings were saved: bring its reader in line (fire and forget). */
  settingsChanged(portalId: string): void;
  /** The same, awaited (tests). */
  refresh(): Promise<void>;
  connected(): string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    mailReaders: MailReadersHandle;
  }
}

export const mailReaderPlugin = fp(
  async (app, opts: { resolver?: DnsResolver }) => {
    const c = app.config;
    if (c.MAIL_READER !== 'on') {
      app.decorate('mailReaders', { settingsChanged: () => undefined, refresh: async () => undefined, connected: () => [] });
      return;
    }
    const db = app.db;
    const tokenKey = replyTokenKey(c);
    const log = app.log.child({ component: 'mail-reader' });
    const readers = new MailboxReaders({
      wanted: () => readableMailboxes(db.kysely),
      async make(portalId) {
        const s = await getMailSettings(db.kysely, app.secrets, portalId);
        const password = s?.imap.password;
        if (!s || !password) return null;
        return new MailboxReader({
          db: db.kysely,
          dialect: db.dialect,
          account: imapAccountOf({ ...s.imap, password }),
          mailbox: s.imap.folder,
          context: replyContextFor(db.kysely, app.secrets, portalId, tokenKey, s.forwarders, opts.resolver),
          ownDomains: [s.smtp.fromAddress, s.smtp.host, ...(s.replyAddress ? [s.replyAddress] : [])],
          log,
          workerId: `${app.instanceId}-mail-${portalId.slice(-8)}`,
          pollMs: c.MAIL_POLL_MS,
        });
      },
      log,
    });
    const refresh = () => readers.refresh();
    app.decorate('mailReaders', {
      settingsChanged: () => void refresh().catch(() => undefined),
      refresh,
      connected: () => readers.connected(),
    });
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      void refresh().catch(() => undefined);
      timer = setInterval(() => void refresh().catch(() => undefined), SETTINGS_POLL_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await readers.stop();
    });
  },
  { name: 'mail-reader', dependencies: ['platform'] },
);
