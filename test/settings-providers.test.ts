// Provider settings through the admin API, end to end: an admin saves SMPP / OpenPay / Twilio
// settings pointing at the local fakes, tests the connection, and a send_sms workflow in the
// emulator then delivers through the configured SMSC — nothing configured in code. Secrets never
// come back from the API and never reach the log.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../server/logger.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { startFakeSmsc, type FakeSmsc } from './fakes/smsc.js';
import { startFakeOpenpay, type FakeOpenpay } from './fakes/openpay-server.js';
import { workflowsOf } from '../emulator/workflows/register.js';

const SMPP_PASSWORD = 'Pw7x!q2z';
const TWILIO_SID = `AC${'1'.repeat(32)}`;
const TWILIO_TOKEN = 'twilio-token-0123456789abcdef';

describe('provider settings API', () => {
  let p: Platform;
  let smsc: FakeSmsc;
  let openpay: FakeOpenpay;
  let portalId: string;
  let admin: string;
  let user: string;
  const lines: string[] = [];
  const twilio = Fastify({ logger: false });

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const r = await fetch(`${p.a.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, text, json: JSON.parse(text) as Record<string, unknown> };
  };
  const smppSettings = () => ({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'lender',
    password: SMPP_PASSWORD,
    sourceAddr: 'LENDER',
    maxSegments: 6,
    timeoutMs: 2000,
    enquireLinkMs: 0,
  });

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    smsc = await startFakeSmsc({ systemId: 'lender', password: SMPP_PASSWORD });
    openpay = await startFakeOpenpay();
    // Twilio's "Fetch an Account" (GET /2010-04-01/Accounts/{Sid}.json) with HTTP Basic auth.
    twilio.get<{ Params: { sid: string } }>('/2010-04-01/Accounts/:sid', async (req, reply) => {
      const ok = req.headers.authorization === `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
      if (!ok || req.params.sid !== `${TWILIO_SID}.json`) return reply.code(401).send({ code: 20003, message: 'Authenticate' });
      return { sid: TWILIO_SID, status: 'active' };
    });
    await twilio.listen({ port: 0, host: '127.0.0.1' });
    p = await startPlatform({
      logger: { ...loggerOptions('trace'), stream },
      env: { LOG_LEVEL: 'trace', WORKER: 'on', OUTBOX_POLL_MS: '20' },
    });
    portalId = await p.install();
    admin = p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: true });
    user = p.a.app.sessions.issue({ portalId, userId: 2, isAdmin: false });
  });
  afterAll(async () => {
    await p?.close();
    await smsc?.close();
    await openpay?.close();
    await twilio.close();
  });

  it('only an administrator reads or changes provider settings', async () => {
    expect((await call('GET', '/api/v1/settings/providers')).status).toBe(401);
    expect((await call('GET', '/api/v1/settings/providers', user)).status).toBe(403);
    expect((await call('PUT', '/api/v1/settings/providers/sms', user, { provider: 'smpp', settings: smppSettings() })).status).toBe(403);
    expect((await call('POST', '/api/v1/settings/providers/sms/test', user, {})).status).toBe(403);
    const empty = await call('GET', '/api/v1/settings/providers', admin);
    expect(empty.status).toBe(200);
    expect(empty.json.settings).toEqual([]);
    expect((empty.json.providers as { sms: { code: string }[] }).sms.map((x) => x.code)).toEqual(['smpp', 'twilio']);
  });

  it('saves SMPP settings, masks the password, keeps it when omitted, and tests the bind', async () => {
    const put = await call('PUT', '/api/v1/settings/providers/sms', admin, { provider: 'smpp', settings: smppSettings() });
    expect(put.status).toBe(200);
    expect(put.json.settings).toMatchObject({
      kind: 'sms',
      provider: 'smpp',
      secrets: { password: 'set' },
      config: { host: '127.0.0.1', maxSegments: 6 },
    });
    expect(put.text).not.toContain(SMPP_PASSWORD);
    const { password: _pw, ...noSecret } = smppSettings();
    expect((await call('PUT', '/api/v1/settings/providers/sms', admin, { provider: 'smpp', settings: noSecret })).status).toBe(200);
    const binds = smsc.binds;
    const test = await call('POST', '/api/v1/settings/providers/sms/test', admin, {});
    expect(test.json).toMatchObject({ ok: true, provider: 'smpp' });
    expect(smsc.binds).toBe(binds + 1);
    const wrong = await call('POST', '/api/v1/settings/providers/sms/test', admin, {
      provider: 'smpp',
      settings: { ...noSecret, password: 'wrong' },
    });
    expect(wrong.json).toMatchObject({ ok: false });
    const got = await call('GET', '/api/v1/settings/providers', admin);
    expect(got.text).not.toContain(SMPP_PASSWORD);
    expect(got.json.settings).toEqual([expect.objectContaining({ provider: 'smpp', secrets: { password: 'set' } })]);
  });

  it('refuses settings that do not match the provider schema', async () => {
    const bad = await call('PUT', '/api/v1/settings/providers/sms', admin, {
      provider: 'smpp',
      settings: { ...smppSettings(), password: 'far-too-long-for-smpp' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('VALIDATION');
    expect(bad.text).not.toContain('far-too-long-for-smpp');
    expect((await call('PUT', '/api/v1/settings/providers/payments', admin, { provider: 'smpp', settings: {} })).status).toBe(400);
    expect((await call('PUT', '/api/v1/settings/providers/other', admin, { provider: 'smpp', settings: {} })).status).toBe(400);
  });

  it('tests OpenPay and Twilio credentials with a read-only call', async () => {
    const op = { merchantId: openpay.merchantId, privateKey: openpay.privateKey, baseUrl: openpay.baseUrl, timeoutMs: 2000 };
    expect(
      (await call('PUT', '/api/v1/settings/providers/payments', admin, { provider: 'openpay', settings: op })).json.settings,
    ).toMatchObject({ secrets: { privateKey: 'set' } });
    expect((await call('POST', '/api/v1/settings/providers/payments/test', admin, {})).json).toMatchObject({
      ok: true,
      provider: 'openpay',
    });
    const badKey = await call('POST', '/api/v1/settings/providers/payments/test', admin, {
      provider: 'openpay',
      settings: { ...op, privateKey: `sk_${'0'.repeat(32)}` },
    });
    expect(badKey.json).toMatchObject({ ok: false, message: expect.stringMatching(/refused/) });
    expect(openpay.payouts).toHaveLength(0);
    const tw = {
      accountSid: TWILIO_SID,
      authToken: TWILIO_TOKEN,
      from: '+15005550006',
      baseUrl: `http://127.0.0.1:${(twilio.server.address() as { port: number }).port}`,
    };
    expect((await call('POST', '/api/v1/settings/providers/sms/test', admin, { provider: 'twilio', settings: tw })).json).toMatchObject({
      ok: true,
      provider: 'twilio',
    });
    expect(
      (
        await call('POST', '/api/v1/settings/providers/sms/test', admin, {
          provider: 'twilio',
          settings: { ...tw, authToken: 'x'.repeat(20) },
        })
      ).json,
    ).toMatchObject({ ok: false });
  });

  it('a send_sms workflow delivers through the SMSC saved in the settings', async () => {
    const contactId = await p.portalCall<number>('crm.contact.add', {
      fields: { NAME: 'Lucía', LAST_NAME: 'Ramírez', PHONE: [{ VALUE: '+52 55 1234 5678', VALUE_TYPE: 'MOBILE' }] },
    });
    const dealId = await p.portalCall<number>('crm.deal.add', {
      fields: { TITLE: 'Loan', CONTACT_ID: contactId, CURRENCY_ID: 'MXN', OPPORTUNITY: '15000', ASSIGNED_BY_ID: 1 },
    });
    const runner = workflowsOf(p.em.core);
    const tpl = runner.defineTemplate('settings', [
      { type: 'activity', code: 'send_sms', properties: { text: 'Hola, su pago vence pronto.' }, timeoutSec: 20 },
    ]);
    const run = await runner.wait(runner.start(tpl.id, dealId).id, 30_000);
    expect(run.status).toBe('done');
    expect(run.steps[0]!.returnValues).toMatchObject({ status: 'queued' });
    expect(smsc.messages().map((m) => m.text)).toContain('Hola, su pago vence pronto.');
    expect(smsc.messages().every((m) => m.from === 'LENDER')).toBe(true);
    // A save replaces the portal's cached SMPP client: the next message goes out with the new sender.
    const { password: _pw, ...noSecret } = smppSettings();
    expect(
      (await call('PUT', '/api/v1/settings/providers/sms', admin, { provider: 'smpp', settings: { ...noSecret, sourceAddr: 'NEWNAME' } }))
        .status,
    ).toBe(200);
    const tpl2 = runner.defineTemplate('settings-2', [
      { type: 'activity', code: 'send_sms', properties: { text: 'Segundo aviso.' }, timeoutSec: 20 },
    ]);
    expect((await runner.wait(runner.start(tpl2.id, dealId).id, 30_000)).status).toBe('done');
    expect(smsc.messages().find((m) => m.text === 'Segundo aviso.')?.from).toBe('NEWNAME');
    await runner.idle();
  });

  it('a payout workflow pays through the OpenPay account saved in the settings', async () => {
    const contactId = await p.portalCall<number>('crm.contact.add', {
      fields: { NAME: 'María', LAST_NAME: 'López', PHONE: [{ VALUE: '+5215511112222', VALUE_TYPE: 'MOBILE' }] },
    });
    const dealId = await p.portalCall<number>('crm.deal.add', {
      fields: { TITLE: 'Loan', CONTACT_ID: contactId, CURRENCY_ID: 'MXN', OPPORTUNITY: '1500', ASSIGNED_BY_ID: 1 },
    });
    const runner = workflowsOf(p.em.core);
    const tpl = runner.defineTemplate('settings-payout', [
      { type: 'activity', code: 'payout', properties: { amount: '1500.00', clabe: '012298026516924616' }, timeoutSec: 20 },
    ]);
    const run = await runner.wait(runner.start(tpl.id, dealId).id, 30_000);
    expect(run.status).toBe('done');
    expect(run.steps[0]!.returnValues).toMatchObject({ status: 'pending', amount: '1500.00 MXN' });
    expect(openpay.payouts).toHaveLength(1);
    expect(openpay.payouts[0]).toMatchObject({ amount: '1500.00', clabe: '012298026516924616' });
    await runner.idle();
  });

  it('another process notices a save within a poll: its cached settings are dropped', async () => {
    const { startApp } = await import('./support/portal-harness.js');
    // A second app on the same database, as a second process would be; it wires the blocks last.
    const other = await startApp(p.db, { B24_OAUTH_SERVER: p.em.url });
    try {
      expect((await other.app.activities.providers.settingsOf(portalId))?.sms?.settings).toMatchObject({ sourceAddr: 'NEWNAME' });
      const { password: _pw, ...noSecret } = smppSettings();
      expect(
        (await call('PUT', '/api/v1/settings/providers/sms', admin, { provider: 'smpp', settings: { ...noSecret, sourceAddr: 'THIRD' } }))
          .status,
      ).toBe(200);
      expect((await other.app.activities.providers.settingsOf(portalId))?.sms?.settings).toMatchObject({ sourceAddr: 'NEWNAME' }); // still cached
      await other.app.pollProviderSettings();
      expect((await other.app.activities.providers.settingsOf(portalId))?.sms?.settings).toMatchObject({
        sourceAddr: 'THIRD',
        password: SMPP_PASSWORD,
      });
    } finally {
      await other.close();
    }
  });

  it('never logs a secret', () => {
    const log = lines.join('');
    expect(log).toContain('provider settings saved');
    for (const secret of [SMPP_PASSWORD, openpay.privateKey, TWILIO_TOKEN]) expect(log).not.toContain(secret);
  });
});
