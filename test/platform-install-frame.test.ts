import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// The install page in a real browser inside the emulator's portal page: our page loads the real
// b24jssdk and calls installFinish(); the portal marks the app installed (setInstallFinish).

let p: Platform | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await p?.close();
  p = undefined;
});

describe('install page', () => {
  it('finishes the installation through the b24jssdk frame protocol', async () => {
    p = await startPlatform();
    await p.em.installApp({ handlerUrl: `${p.a.url}/install/callback`, installUrl: `${p.a.url}/install` });
    expect(p.em.state.app!.installed).toBe(false);
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.goto(`${p.em.url}/marketplace/app/`);
    const deadline = Date.now() + 30_000;
    while (!p.em.state.app!.installed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(p.em.state.app!.installed).toBe(true);
  });
});
