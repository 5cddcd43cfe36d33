import { smppProvider } from '../integrations/sms/smpp/index.js';
import { TwilioSettingsSchema, type TwilioSettings } from '../integrations/sms/twilio/schema.js';
import { OpenpaySettingsSchema, type OpenpaySettings } from '../integrations/payments/openpay/schema.js';
import { Value } from '@sinclair/typebox/value';
import { isAppError } from '../errors.js';
import type { SettingsKind } from './tables.js';

// "Test connection" for the settings screen: one harmless, read-only call per provider that proves
// the address and the credentials — nothing is sent and no money moves.
//   SMPP:    bind_transceiver, then close the session.
//   Twilio:  GET /2010-04-01/Accounts/{AccountSid}.json (Fetch an Account).
//   OpenPay: GET /v1/{merchantId}/payouts?limit=1 (list payouts, read-only).
//   UNVERIFIED(openpay): the docs also describe GET /v1/{merchantId} (merchant info); we use the
//   payouts list because it needs the same key and scope as the payouts we make.

export interface CheckResult {
  ok: boolean;
  /** Short, safe to show: never contains a secret. */
  message: string;
}

const fail = (e: unknown): CheckResult => ({
  ok: false,
  message: (isAppError(e) ? `${e.code}: ${e.textFor('en')}` : e instanceof Error ? e.message : String(e)).slice(0, 300),
});

async function httpCheck(url: string, authorization: string, timeoutMs: number, what: string): Promise<CheckResult> {
  try {
    const r = await fetch(url, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    await r.body?.cancel();
    if (r.ok) return { ok: true, message: `${what}: credentials accepted` };
    if (r.status === 401 || r.status === 403) return { ok: false, message: `${what}: credentials refused (HTTP ${r.status})` };
    return { ok: false, message: `${what}: HTTP ${r.status}` };
  } catch (e) {
    return fail(e);
  }
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

export async function checkProvider(kind: SettingsKind, provider: string, settings: Record<string, unknown>): Promise<CheckResult> {
  if (kind === 'sms' && provider === 'smpp') {
    let client;
    try {
      client = smppProvider.create({ ...settings, reconnectBaseMs: 10_000, enquireLinkMs: 0 });
      await client.connect();
      return { ok: true, message: 'SMPP: bound to the SMSC' };
    } catch (e) {
      return fail(e);
    } finally {
      await client?.close().catch(() => undefined);
    }
  }
  if (kind === 'sms' && provider === 'twilio') {
    const s = Value.Default(TwilioSettingsSchema, structuredClone(settings)) as TwilioSettings;
    const url = `${s.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(s.accountSid)}.json`;
    return httpCheck(url, basic(s.accountSid, s.authToken), s.timeoutMs, 'Twilio');
  }
  if (kind === 'payments' && provider === 'openpay') {
    const s = Value.Default(OpenpaySettingsSchema, structuredClone(settings)) as OpenpaySettings;
    const url = `${s.baseUrl.replace(/\/+$/, '')}/v1/${encodeURIComponent(s.merchantId)}/payouts?limit=1`;
    return httpCheck(url, basic(s.privateKey, ''), s.timeoutMs, 'OpenPay');
  }
  if (kind === 'payments' && provider === 'manual') return { ok: true, message: 'Manual payouts need no connection' };
  return { ok: false, message: `unknown ${kind} provider ${provider}` };
}
