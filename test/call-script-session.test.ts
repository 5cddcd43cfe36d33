// A collector in the middle of a call script when the widget session expires: the next answer is
// still saved — the call-script tab renews its session through the frame (widgets/shared/
// session-client.ts) — and the collector keeps their place and finishes the call. The script comes
// from a real workflow waiting on our call_script activity, the tab from the emulator's deal card
// through the frame protocol.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowsOf } from '../emulator/workflows/register.js';
import { callScriptPlacement } from '../server/activities/call-script/placement.js';
import type { SessionClaims } from '../server/security/session.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { sessionsOnTestClock, type SessionClock } from './session-clock.js';

// 60-second sessions on a server clock the test moves (test/session-clock.ts), as in
// loan-tab-session.test.ts. The signer is shared by the placement POST and the renewal route.
const TTL_SEC = 60;
let clock: SessionClock;
const expire = () => clock.expire();

describe('call-script tab sessions', () => {
  let w: ActivityWorld;
  let browser: Browser;
  const issued: SessionClaims[] = [];

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    w = await startActivityWorld();
    w.startWorker();
    clock = sessionsOnTestClock(w.p.a.app.sessions, { ttlSec: TTL_SEC, onIssue: (claims) => issued.push(claims) });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  async function openTab(dealId: number): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    const url = `${w.p.a.url}${callScriptPlacement.handlerPath}`;
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(url) });
    await page.goto(`${w.p.em.url}/crm/deal/details/${dealId}/?tab=${callScriptPlacement.handlerPath}&lang=es`);
    const frame = await navigated;
    await frame.waitForSelector('.call-script h2');
    return { page, frame };
  }

  it('an answer given after the session expired is saved by renewal; the script goes on', async () => {
    const dealId = await w.deal({ phone: '+5215500000031', name: 'Rosa Díaz', assignedBy: 1 });
    const runner = workflowsOf(w.p.em.core);
    const tpl = runner.defineTemplate('final-call', [
      { type: 'activity', code: 'call_script', properties: { script: 'final-call' }, timeoutSec: 60 },
    ]);
    const run = runner.start(tpl.id, dealId);
    await expect.poll(() => w.p.em.state.todos.filter((t) => t.ownerId === dealId).length, { timeout: 10_000 }).toBe(1);

    const { page, frame } = await openTab(dealId);
    expect(issued.at(-1)).toMatchObject({ dealId, userId: 1 });
    const before = issued.length;
    const question = (n: number) => frame.locator('fieldset.q').nth(n);
    await question(0).locator('button:has-text("Sí")').click();
    await expect.poll(() => frame.locator('fieldset.q').count()).toBe(2);

    expire(); // the client is still talking
    await question(1).locator('button:has-text("Sí")').click();
    await expect.poll(() => frame.locator('fieldset.q').count()).toBe(3);
    expect(await question(2).textContent()).toContain('¿Cómo quiere recibir el dinero?');
    expect(await frame.locator('.call-script > .error').count()).toBe(0);
    expect(issued.length).toBe(before + 1); // one renewal, bound to the same deal and user
    expect(issued.at(-1)).toMatchObject({ dealId, userId: 1 });
    const log = await page.evaluate(() => (window as unknown as { __portalLog: { method: string; answered: boolean }[] }).__portalLog);
    expect(log.some((e) => e.method === 'refreshAuth' && e.answered)).toBe(true);

    // What the server holds: both answers, the second one under the renewed session.
    const token = w.p.a.app.sessions.issue({ portalId: w.portalId, userId: 1, dealId, isAdmin: false });
    const r = await fetch(`${w.p.a.url}/api/v1/deals/${dealId}/call-scripts`, { headers: { authorization: `Bearer ${token}` } });
    const { calls } = (await r.json()) as { calls: { answers: Record<string, string> }[] };
    expect(calls[0]!.answers).toEqual({ identity: 'yes', terms: 'yes' });

    // The collector finishes the call on the renewed session; the workflow goes on.
    await question(2).locator('button:has-text("Efectivo en OXXO")').click();
    await expect.poll(() => frame.locator('fieldset.q').count()).toBe(4);
    await question(3).locator('button:has-text("Sí")').click();
    await frame.click('button.finish:not([disabled])');
    await frame.waitForSelector('.done');
    const done = await runner.wait(run.id, 20_000);
    expect(done.steps[0]!.returnValues).toMatchObject({ outcome: 'verified' });
    await page.close();
  });
});
