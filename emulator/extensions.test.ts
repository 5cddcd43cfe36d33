import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './index.js';
import { startSink, type Sink } from './test-support/handler-sink.js';
import { CLIENT } from './test-support/setup.js';

describe('emulator extension points and helper API', () => {
  let em: Emulator | undefined;
  let sink: Sink | undefined;
  afterEach(async () => {
    await em?.close();
    await sink?.close();
    em = undefined;
    sink = undefined;
  });

  it('extensions add REST methods and routes before listen', async () => {
    em = await createEmulator(
      { ...CLIENT },
      {
        extensions: [
          {
            name: 'test',
            methods: { 'test.echo': { scope: [], handler: (_ctx, params) => params } },
            register: (app) => {
              app.get('/emulator/test', async () => ({ ok: true }));
            },
          },
        ],
      },
    );
    const { auth } = await em.installApp({});
    const r = await fetch(`${em.url}/rest/test.echo?auth=${auth.accessToken}&x=1`);
    expect(((await r.json()) as { result: unknown }).result).toEqual({ x: '1' });
    expect(await (await fetch(`${em.url}/emulator/test`)).json()).toEqual({ ok: true });
  });

  it('createWorkflowToken, visiblePlacements, createWebhook, createDeal/updateDeal fire events', async () => {
    sink = await startSink();
    em = await createEmulator({ ...CLIENT, rateLimit: false });
    const { auth } = await em.installApp({ installUrl: `${sink.url}/install` });
    const call = (method: string, params: Record<string, unknown>) =>
      fetch(`${em!.url}/rest/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...params, auth: auth.accessToken }),
      });
    await call('placement.bind', { PLACEMENT: 'CRM_DEAL_DETAIL_TAB', HANDLER: `${sink.url}/tab` });
    await call('event.bind', { event: 'ONCRMDEALUPDATE', handler: `${sink.url}/ev` });
    expect(em.visiblePlacements('CRM_DEAL_DETAIL_TAB')).toEqual([]);
    em.finishInstall();
    expect(em.visiblePlacements('crm_deal_detail_tab')).toHaveLength(1);
    const token = em.createWorkflowToken({ code: 'robot' });
    expect(token.eventToken.split('|')).toHaveLength(3);
    expect((await call('bizproc.event.send', { EVENT_TOKEN: token.eventToken })).status).toBe(200);
    const hook = em.createWebhook({ userId: 1 });
    expect((await fetch(`${hook.url}profile`)).status).toBe(200);
    const deal = em.createDeal({ TITLE: 'From UI', OPPORTUNITY: 100 });
    em.updateDeal(Number(deal.ID), { STAGE_ID: 'WON' });
    await em.idle();
    expect(sink.requests.filter((r) => r.path === '/ev').map((r) => r.body.event)).toEqual(['ONCRMDEALUPDATE']);
    const bad = await fetch(`${em.url}/rest/profile`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('INVALID_REQUEST');
  });
});
