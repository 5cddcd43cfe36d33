import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import { SMTPServer } from 'smtp-server';
import { getMailSettings, saveMailSettings } from '../../server/mail/settings/mail-settings-repo.js';
import type { MailAccounts } from '../../server/mail/settings/mail-settings.js';
import { MailSettingsBody } from '../../wire/mail-settings.js';

// `npm run demo` only: a LOCAL SMTP SINK (smtp-server) on a loopback port, saved as the demo portal's
// outgoing mail account through the same store an admin's save uses (the password sealed by the app's
// SecretBox), so "Send to banks" on the Documents tab ends in "sent" with the sink's reply. The sink
// accepts every message after AUTH and keeps nothing: no message leaves the machine. An account an
// admin saved that points at another host is left alone.

export interface DemoMailSink {
  port: number;
  /** false when the portal already had an SMTP account on another host (kept as the admin saved it). */
  configured: boolean;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const isLoopbackHost = (host: string) => /^(127\.0\.0\.1|localhost)$/i.test(host);

/** `announce` gets one line per accepted message (its number and size: no address, no text). */
export async function startDemoMailSink(
  app: FastifyInstance,
  portalId: string,
  announce: (line: string) => void = () => undefined,
): Promise<DemoMailSink> {
  const user = 'demo';
  const password = randomBytes(12).toString('hex');
  let accepted = 0;
  const server = new SMTPServer({
    name: 'demo-smtp-sink.localhost',
    banner: 'b24-lending demo SMTP sink: nothing is delivered',
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true, // loopback only, and the demo's own random password
    authMethods: ['PLAIN', 'LOGIN'],
    size: MAX_MESSAGE_BYTES,
    onAuth(auth, _session, done) {
      if (auth.username === user && auth.password === password) done(null, { user });
      else done(new Error('Invalid username or password'));
    },
    onData(stream, _session, done) {
      let bytes = 0;
      stream.on('data', (b: Buffer) => (bytes += b.length));
      stream.on('end', () => {
        if (stream.sizeExceeded) return done(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        const n = ++accepted;
        announce(`Demo SMTP sink: accepted message ${n} (${bytes} bytes) — kept on this machine, not delivered`);
        done(null, `OK: demo SMTP sink accepted message ${n}, not delivered`);
      });
    },
  });
  server.on('error', (e) => announce(`Demo SMTP sink: ${e.message}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  const db = app.db.kysely;
  const stored = await getMailSettings(db, app.secrets, portalId);
  const configured = !stored || isLoopbackHost(stored.smtp.host);
  if (configured) {
    const accounts: MailAccounts = {
      smtp: {
        host: '127.0.0.1',
        port,
        security: 'none',
        user,
        password,
        fromAddress: stored?.smtp.fromAddress ?? 'creditos@financiera-demo.example',
        fromName: stored?.smtp.fromName ?? 'Financiera Demo',
      },
      // No IMAP in the demo: without a password the mailbox reader leaves this portal alone; the rest
      // is what the settings page's form requires (MailSettingsView: a user, a folder).
      imap: stored?.imap.user
        ? stored.imap
        : {
            host: '127.0.0.1',
            port: 143,
            security: 'none',
            user: 'creditos@financiera-demo.example',
            password: null,
            folder: 'INBOX',
          },
      replyScheme: stored?.replyScheme ?? 'plus',
      replyAddress: stored?.replyAddress ?? null,
      forwarders: stored?.forwarders ?? [],
    };
    // What the settings page will read back must fit its wire shape, as an admin's save would.
    const { password: _smtp, ...smtpView } = accounts.smtp;
    const { password: _imap, ...imapView } = accounts.imap;
    const body = { ...accounts, smtp: smtpView, imap: imapView };
    if (!Value.Check(MailSettingsBody, body))
      throw new Error(
        `demo mail settings do not fit MailSettingsBody: ${JSON.stringify([...Value.Errors(MailSettingsBody, body)][0]?.path)}`,
      );
    await saveMailSettings(db, app.secrets, portalId, accounts, { userId: null, nowIso: new Date().toISOString() });
  }
  return {
    port,
    configured,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
