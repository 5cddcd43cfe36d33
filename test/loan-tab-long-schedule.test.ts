// Issue 5, long schedules in Chromium: the rows after the first ones live in content-visibility
// blocks (widgets/loan-tab/components/schedule-table.tsx). Every row still arrives, the columns of
// all blocks line up, and a what-if edit typed into a block on screen updates that block at once,
// not a frame later.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startHarness, type Browser, type Harness } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

describe('loan tab with a long schedule', () => {
  let h: Harness;
  let browser: Browser;
  let dealId = 0;

  beforeAll(async () => {
    await ensureWidgetsBuilt();
    h = await startHarness();
    await h.bindOurPlacements();
    dealId = await h.addDeal({ title: 'Long loan', opportunity: '1000000', currencyId: 'RUB' });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openTab(): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(`${h.appUrl}/placements/loan-tab`) });
    await page.goto(`${h.em.url}/crm/deal/details/${dealId}/?tab=/placements/loan-tab&lang=en`);
    const frame = await navigated;
    await frame.waitForSelector('main[data-ready="yes"]');
    return { page, frame };
  }

  const rows = (frame: Frame) => frame.locator('[data-testid=schedule] tbody tr');

  it('renders all 360 rows with columns aligned across blocks', async () => {
    const { page, frame } = await openTab();
    await frame.fill('input[name=installments]', '360');
    await frame.waitForSelector('[data-testid=schedule][data-complete=yes]');
    await expect.poll(() => rows(frame).count()).toBe(360);
    expect(await rows(frame).nth(359).locator('td').nth(7).textContent()).toBe('0.00');
    // Bring a late block on screen so it is laid out, then compare its cells with the first rows'.
    await rows(frame).nth(300).scrollIntoViewIfNeeded();
    const x = (n: number) =>
      rows(frame)
        .nth(n)
        .locator('td')
        .evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
    expect(await x(300)).toEqual(await x(0));
    await page.close();
  });

  it('a what-if edit in a block on screen updates that block in the same task', async () => {
    const { page, frame } = await openTab();
    await frame.fill('input[name=installments]', '60');
    await frame.check('input[name=whatIf]');
    await frame.waitForSelector('[data-testid=schedule][data-complete=yes]');
    await rows(frame).nth(44).scrollIntoViewIfNeeded();
    // Let the block report that it is shown (contentvisibilityautostatechange).
    await page.waitForTimeout(200);
    // Kept as source text: tsx adds `__name` helpers to functions, which do not exist inside the page.
    const result = (await frame.evaluate(`(async () => {
      const trs = [...document.querySelectorAll('[data-testid=schedule] tbody tr')];
      const closing = (n) => trs[n - 1].children[7].textContent;
      const before = closing(45);
      const input = trs[39].children[6].querySelector('input');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '90000');
      input.dispatchEvent(new Event('change', { bubbles: true }));
      // Preact renders in a microtask: no frame, no timer has run yet.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return { before, after: closing(45) };
    })()`)) as { before: string; after: string };
    expect(result.after).not.toBe(result.before);
    await page.close();
  });
});
