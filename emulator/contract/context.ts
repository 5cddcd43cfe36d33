// A portal prepared for the contract replay: demo data, the app installed, helpers to call REST
// as the app, through a webhook, or with a token of a narrower scope.
import { createEmulator, type Emulator } from '../index.js';
import { startSink, type Sink } from '../test-support/handler-sink.js';
import { CLIENT } from '../test-support/setup.js';

export interface CallResult {
  status: number;
  body: Record<string, unknown>;
}

export type AuthKind = 'app' | 'webhook' | { scope: string[] };

export interface ReplayContext {
  em: Emulator;
  sink: Sink;
  token: string;
  webhookUrl: string;
  /** Ids made by earlier steps (deal created from the crm.deal.add request, …). */
  ids: Record<string, number>;
  call(method: string, params?: Record<string, unknown>, auth?: AuthKind): Promise<CallResult>;
  close(): Promise<void>;
}

export async function createReplayContext(): Promise<ReplayContext> {
  const sink = await startSink();
  const em = await createEmulator({ ...CLIENT, seedDemoData: true, rateLimit: false });
  const install = await em.installApp({
    scope: ['crm', 'placement', 'bizproc', 'messageservice', 'user', 'user_brief', 'im', 'disk', 'telephony'],
  });
  const hook = (await (
    await fetch(`${em.url}/emulator/api/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"userId":1}',
    })
  ).json()) as { url: string };
  const ctx: ReplayContext = {
    em,
    sink,
    token: install.auth.accessToken,
    webhookUrl: hook.url,
    ids: {},
    call: async (method, params = {}, auth = 'app') => {
      const body = { ...params } as Record<string, unknown>;
      delete body.auth;
      let url = `${em.url}/rest/${method}`;
      if (auth === 'webhook') url = `${hook.url}${method}`;
      else if (auth === 'app') body.auth = install.auth.accessToken;
      else body.auth = em.core.tokens.issue(1, auth.scope).accessToken;
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    },
    close: async () => {
      await em.close();
      await sink.close();
    },
  };
  return ctx;
}
