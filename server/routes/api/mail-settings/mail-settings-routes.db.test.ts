import { describe, expect, it } from 'vitest';
import { useRouteApp } from '../../../../test/support/route-app.js';
import type { MailSettingsBody } from '../../../../wire/mail-settings.js';

// The mail settings through the whole app: admins only, per portal, passwords write-only (never in
// a reply, sealed at rest, kept when left out — but not carried to another host), a missing
// password or reply address refused beside its field in the user's language with nothing saved. The
// incoming mailbox may be saved without a password (it is not read until it has one), so the
// sending account can be saved alone; a mailbox that had a password may not lose it by moving.
const ctx = useRouteApp(['pa', 'pb', 'pc'], { MAIL_READER: 'off', MAIL_CONNECT_TIMEOUT_MS: '1000' });
const auth = ctx.settingsAuth;
const body: MailSettingsBody = {
  smtp: {
    host: 'smtp.lender.example',
    port: 587,
    security: 'starttls',
    user: 'credito@lender.example',
    password: 'smtp-Secret-1',
    fromAddress: 'Credito@Lender.example',
    fromName: 'Crédito Lender',
  },
  imap: { host: 'imap.lender.example', port: 993, security: 'tls', user: 'aprobaciones', password: 'imap-Secret-2', folder: 'INBOX' },
  replyScheme: 'dedicated',
  replyAddress: 'aprobaciones@lender.example',
};
const put = (portalId: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'PUT', url: '/api/v1/settings/mail', headers: { ...auth(portalId), ...headers }, payload: payload as object });
const get = async (portalId: string) =>
  (await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/mail', headers: auth(portalId) })).json<{
    settings: Record<string, unknown> | null;
  }>();

describe('mail settings API', () => {
  it('is for portal administrators only', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/mail' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/mail', headers: auth('pa', false) })).statusCode).toBe(403);
    expect((await put('pa', body, auth('pa', false))).statusCode).toBe(403);
    const test = await ctx.app.inject({ method: 'POST', url: '/api/v1/settings/mail/test', headers: auth('pa', false), payload: body });
    expect(test.statusCode).toBe(403);
    expect((await get('pa')).settings).toBeNull();
  });

  it('saves per portal, never answers a password, seals both at rest', async () => {
    const saved = await put('pa', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.body).not.toContain('Secret');
    expect(saved.json().settings).toMatchObject({
      smtp: { host: 'smtp.lender.example', fromAddress: 'credito@lender.example', passwordSet: true },
      imap: { user: 'aprobaciones', passwordSet: true },
      replyScheme: 'dedicated',
      replyAddress: 'aprobaciones@lender.example',
    });
    expect(saved.json().settings.smtp).not.toHaveProperty('password');
    expect(JSON.stringify(await get('pa'))).not.toContain('Secret');
    expect((await get('pb')).settings).toBeNull();
    const row = await ctx.db.kysely.selectFrom('mail_settings').selectAll().where('portal_id', '=', 'pa').executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Secret');
    expect(row.smtp_password).toMatch(/^v1\./);
    // A ciphertext copied into another portal's row does not open there: the password reads as not set
    // (the settings still show, never a 500), and nothing of it is answered.
    await put('pb', body);
    await ctx.db.kysely.updateTable('mail_settings').set({ imap_password: row.imap_password }).where('portal_id', '=', 'pb').execute();
    const copied = await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/mail', headers: auth('pb') });
    expect(copied.statusCode).toBe(200);
    expect(copied.json()).toMatchObject({ settings: { imap: { passwordSet: false } } });
    expect(copied.body).not.toContain('Secret');
    await ctx.db.kysely.deleteFrom('mail_settings').where('portal_id', '=', 'pb').execute();
  });

  it('keeps a left-out password for the same account, not for another host', async () => {
    const { smtp, imap } = body;
    const unchanged = { ...body, smtp: { ...smtp, password: undefined, fromName: 'Otro nombre' }, imap: { ...imap, password: undefined } };
    const r = await put('pa', unchanged);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().settings).toMatchObject({ smtp: { fromName: 'Otro nombre', passwordSet: true }, imap: { passwordSet: true } });
    const before = await ctx.db.kysely
      .selectFrom('mail_settings')
      .select('version')
      .where('portal_id', '=', 'pa')
      .executeTakeFirstOrThrow();

    const moved = await put(
      'pa',
      { ...unchanged, imap: { ...imap, password: undefined, host: 'imap.elsewhere.example' } },
      { 'accept-language': 'ru' },
    );
    expect(moved.statusCode).toBe(400);
    expect(moved.json()).toMatchObject({ error: 'MAIL_PASSWORD_REQUIRED', details: { field: 'imap.password' } });
    expect(moved.json().message).toBe('Введите пароль этого почтового ящика.');
    const after = await ctx.db.kysely.selectFrom('mail_settings').select('version').where('portal_id', '=', 'pa').executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version);
  });

  it('saves the sending account while the incoming mailbox has no password yet, and again unchanged', async () => {
    const { password: _p, ...imapWithout } = body.imap;
    const first = await put('pc', { ...body, imap: imapWithout });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().settings).toMatchObject({ smtp: { passwordSet: true }, imap: { user: 'aprobaciones', passwordSet: false } });
    // What the screen sends back when Save is pressed with nothing changed: no password on either side.
    const again = await put('pc', { ...body, smtp: { ...body.smtp, password: undefined, fromName: 'Solo SMTP' }, imap: imapWithout });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().settings).toMatchObject({ smtp: { fromName: 'Solo SMTP', passwordSet: true }, imap: { passwordSet: false } });
    const rows = await ctx.db.kysely.selectFrom('mail_settings').select('imap_password').where('portal_id', '=', 'pc').execute();
    expect(rows).toEqual([{ imap_password: null }]);
  });

  it('refuses a dedicated scheme without its address, and a malformed body, changing nothing', async () => {
    const noAddress = await put('pa', { ...body, replyAddress: null }, { 'accept-language': 'es-MX' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json()).toMatchObject({ error: 'MAIL_REPLY_ADDRESS_REQUIRED', details: { field: 'replyAddress' } });
    expect(noAddress.json().message).toContain('respuestas');
    for (const bad of [
      { ...body, smtp: { ...body.smtp, port: 70_000 } },
      { ...body, smtp: { ...body.smtp, fromAddress: 'credito+x@lender.example' } },
      { ...body, imap: { ...body.imap, host: 'imap lender' } },
      // The port has its own field: "host:port" would be looked up as a host name and never connect.
      { ...body, smtp: { ...body.smtp, host: 'smtp.lender.example:587' } },
      { ...body, replyScheme: 'catch-all' },
    ])
      expect((await put('pa', bad)).statusCode).toBe(400);
    expect((await get('pa')).settings).toMatchObject({ smtp: { fromName: 'Otro nombre' }, replyScheme: 'dedicated' });
  });

  it('keeps the forwarders lower-cased and once; refuses a bad or repeated one by its place, in the user language, changing nothing', async () => {
    const saved = await put('pb', { ...body, forwarders: [' Ana.Lopez@Lender.example ', '', 'jefe.credito+bancos@lender.example'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings.forwarders).toEqual(['ana.lopez@lender.example', 'jefe.credito+bancos@lender.example']);
    // A client that leaves the list out (an older screen) does not wipe it.
    const { forwarders: _f, ...withoutList } = body;
    expect((await put('pb', withoutList)).json().settings.forwarders).toHaveLength(2);

    const bad = await put('pb', { ...body, forwarders: ['ana.lopez@lender.example', 'ana.lopez@'] }, { 'accept-language': 'es-MX' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'MAIL_FORWARDER_INVALID', details: { field: 'forwarders', index: 1 } });
    expect(bad.json().message).toContain('"ana.lopez@" no es una dirección de correo');
    const twice = await put(
      'pb',
      { ...body, forwarders: ['ana.lopez@lender.example', 'ANA.LOPEZ@lender.example'] },
      { 'accept-language': 'ru' },
    );
    expect(twice.json()).toMatchObject({ error: 'MAIL_FORWARDER_DUPLICATE', details: { field: 'forwarders', index: 1 } });
    expect(twice.json().message).toBe('«ana.lopez@lender.example» указан в списке дважды.');
    expect((await put('pb', { ...body, forwarders: Array.from({ length: 51 }, (_, i) => `p${i}@lender.example`) })).statusCode).toBe(400);
    expect((await get('pb')).settings).toMatchObject({ forwarders: ['ana.lopez@lender.example', 'jefe.credito+bancos@lender.example'] });
  });

  it('tests a connection to a host that does not exist without a 5xx, per side, in the user language', async () => {
    const r = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/settings/mail/test',
      headers: { ...auth('pa'), 'accept-language': 'es-MX' },
      payload: { ...body, smtp: { ...body.smtp, host: 'nowhere.invalid' }, imap: { ...body.imap, host: '127.0.0.1', port: 1 } },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      smtp: { ok: false, reason: 'host', message: 'No se encontró el servidor: revise el nombre del host.' },
      imap: { ok: false, reason: 'refused' },
    });
  });
});
