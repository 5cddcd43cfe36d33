import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../server/db/database.js';
import type { MailSettingsBody } from '../wire/mail-settings.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { FIXTURE_KEY, FIXTURE_PORTAL } from './support/mail/fixture-key.js';
import { numberedReply } from './support/mail/reader-setup.js';
import { rigMailSettings } from './support/mail/settings-body.js';
import { startSmtpRig, type SmtpRig } from './support/mail/smtp-rig.js';
import { startApp, type AppUnderTest } from './support/portal-harness.js';
import { createTestDb, insertTestPortal } from './support/test-db.js';

// The mail settings wired into the app (MAIL_READER=on), against a real Dovecot (IMAP + LMTP) and a
// real SMTP server: the connection test succeeds against both and names a wrong password per side;
// saving settings with a wrong IMAP password starts no reader (it backs off) and the app keeps
// serving; saving the right one restarts the portal's reader, and a reply delivered over LMTP is
// recorded for that portal, matched by the signed Message-ID under MAIL_REPLY_TOKEN_KEY.

let dovecot: Dovecot;
let smtp: SmtpRig;
let db: Db;
let a: AppUnderTest;

const body = (): MailSettingsBody => rigMailSettings(smtp, { port: dovecot.imapPort, user: dovecot.user, pass: dovecot.pass });
const call = async (method: 'PUT' | 'POST', url: string, payload: unknown, lang = 'ru-RU') => {
  const bearer = a.app.sessions.issue({ portalId: FIXTURE_PORTAL, userId: 1, isAdmin: true });
  const r = await fetch(`${a.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify(payload),
  });
  return { status: r.status, json: (await r.json()) as Record<string, Record<string, unknown>> };
};

beforeAll(async () => {
  [dovecot, smtp, db] = await Promise.all([startDovecot(), startSmtpRig(), createTestDb()]);
  await insertTestPortal(db, FIXTURE_PORTAL);
  a = await startApp(db, { MAIL_READER: 'on', MAIL_REPLY_TOKEN_KEY: FIXTURE_KEY.toString('base64'), MAIL_POLL_MS: '1000' });
});
afterAll(async () => {
  await a?.close();
  await smtp?.stop();
  await db?.close();
  await dovecot?.stop();
});

describe('mail settings in the running app', () => {
  it('tests the connection: both sides connect; a wrong password is named per side in the user language', async () => {
    const ok = await call('POST', '/api/v1/settings/mail/test', body());
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({
      smtp: { ok: true, reason: 'ok', message: 'Подключение и вход выполнены.' },
      imap: { ok: true, reason: 'ok', message: 'Подключение и вход выполнены.' },
    });
    const b = body();
    const wrong = await call(
      'POST',
      '/api/v1/settings/mail/test',
      { ...b, smtp: { ...b.smtp, password: 'nope' }, imap: { ...b.imap, password: 'nope' } },
      'es-MX',
    );
    expect(wrong.status).toBe(200);
    expect(wrong.json.smtp).toMatchObject({ ok: false, reason: 'auth', message: 'El servidor rechazó el usuario o la contraseña.' });
    expect(wrong.json.imap).toMatchObject({ ok: false, reason: 'auth', message: 'El servidor rechazó el usuario o la contraseña.' });
    const noFolder = await call('POST', '/api/v1/settings/mail/test', { ...b, imap: { ...b.imap, folder: 'Bancos' } });
    expect(noFolder.json.imap).toMatchObject({ ok: false, reason: 'folder' });
  });

  it('a saved mailbox gets a reader: a wrong password backs off, the right one reads a reply delivered over LMTP', async () => {
    const b = body();
    const bad = await call('PUT', '/api/v1/settings/mail', { ...b, imap: { ...b.imap, password: 'nope' } });
    expect(bad.status).toBe(200);
    await a.app.mailReaders.refresh();
    await new Promise((r) => setTimeout(r, 500));
    expect(a.app.mailReaders.connected()).toEqual([]);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);

    const good = await call('PUT', '/api/v1/settings/mail', b);
    expect(good.status).toBe(200);
    await a.app.mailReaders.refresh();
    await expect.poll(() => a.app.mailReaders.connected(), { timeout: 10_000 }).toEqual([FIXTURE_PORTAL]);

    await dovecot.deliver(numberedReply(7));
    const row = async () =>
      db.kysely
        .selectFrom('mail_replies')
        .select(['portal_id', 'deal_id', 'bank_id', 'matched_by', 'verdict'])
        .where('portal_id', '=', FIXTURE_PORTAL)
        .executeTakeFirst();
    await expect.poll(row, { timeout: 15_000 }).toBeDefined();
    expect(await row()).toMatchObject({ deal_id: expect.anything() as unknown, bank_id: 'banco-norte', verdict: 'review' });
    expect(Number((await row())!.deal_id)).toBe(1007);
  });
});
