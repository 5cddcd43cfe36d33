// The stage-map section of the app's page, in a real browser inside the emulator's portal (the demo
// portal: a "Loans" pipeline beside the default one), as a Mexican and a Russian administrator use
// it: stages chosen for the loan's events, overdue thresholds typed, the payout on issue with its
// CLABE field, saved and seen again after a reload; a threshold typed wrong refused beside it; a
// stage deleted in Bitrix24 while the page was open refused beside its select. Desktop and 390 px.
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const shown = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');

describe('deal stages and the loan on the app page', () => {
  let p: SettingsPortal;
  let browserMx: Browser;
  let browserRu: Browser;

  beforeAll(async () => {
    p = await startSettingsPortal();
    browserMx = await launchChromium({ locale: 'es-MX' });
    browserRu = await launchChromium({ locale: 'ru-RU' });
  }, 120_000);

  afterAll(async () => {
    await browserMx?.close();
    await browserRu?.close();
    await p?.close();
  });

  const scrollsSideways = (frame: Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  async function openApp(lang: 'es' | 'ru', width: number): Promise<{ page: Page; frame: Frame; s: Locator }> {
    const ready = '[data-testid="stage-maps"][data-ready="yes"]';
    const page = await (lang === 'es' ? browserMx : browserRu).context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await p.open(page, lang, ready);
    return { page, frame, s: frame.locator('[data-testid="stage-maps"]') };
  }

  it('es-MX, desktop: stages chosen, thresholds typed, payout on issue — saved and seen again after a reload', async () => {
    const { page, s } = await openApp('es', 1280);
    expect(await s.locator('h2').textContent()).toBe('Etapas de la negociación y el préstamo');
    // The lender's own pipeline comes first, not the portal's default one.
    expect(await shown(s.locator('select[name="stage-pipeline"]'))).toBe('Loans');
    await s.locator('select[name="stage-ISSUED"]').selectOption({ label: 'Issued' });
    await s.locator('select[name="stage-CLOSED"]').selectOption({ label: 'Rejected' });
    await s.locator('select[name="stage-paidOff"]').selectOption({ label: 'Closed' });
    await s.locator('select[name="stage-current"]').selectOption({ label: 'Repaying' });
    await s.locator('button[name="add-threshold"]').click();
    await s.locator('input[name="overdue-days-0"]').fill('30');
    await s.locator('select[name="overdue-stage-0"]').selectOption({ label: 'Overdue' });
    await s.locator('button[name="add-threshold"]').click();
    await s.locator('input[name="overdue-days-1"]').fill('0');
    await s.locator('select[name="overdue-stage-1"]').selectOption({ label: 'Repaying' });
    await s.locator('input[name="payoutOnIssue"]').check();
    await s.locator('input[name="clabeField"]').fill('uf_crm_clabe');
    await s.locator('button[name="stages-save"]').click();
    // 0 days is refused here, beside the days it names; nothing was sent, what was chosen stays.
    const err = s.locator('.st-field--error .st-field__error');
    await expect.poll(() => err.allTextContents()).toEqual(['Un número entero de días de 1 a 3650']);
    expect(await s.locator('.st-field--error input').getAttribute('name')).toBe('overdue-days-1');
    expect(await shown(s.locator('select[name="stage-ISSUED"]'))).toBe('Issued');
    await s.locator('input[name="overdue-days-1"]').fill('1');
    expect(await err.count()).toBe(0);
    await s.locator('button[name="stages-save"]').click();
    await expect.poll(() => s.locator('.st-ok').textContent()).toBe('Guardado');
    await page.screenshot({ path: 'test-results/settings-stages-es-1280.png', fullPage: true });
    await s.screenshot({ path: 'test-results/settings-stages-es-1280-section.png' });
    await page.close();

    const again = await openApp('es', 1280);
    const r = again.s;
    expect(await shown(r.locator('select[name="stage-ISSUED"]'))).toBe('Issued');
    expect(await shown(r.locator('select[name="stage-CLOSED"]'))).toBe('Rejected');
    expect(await shown(r.locator('select[name="stage-OFFER_FIXED"]'))).toBe('— nada —');
    expect(await shown(r.locator('select[name="stage-paidOff"]'))).toBe('Closed');
    // Thresholds come back in order of days.
    expect(await r.locator('input[name^="overdue-days-"]').evaluateAll((l) => l.map((i) => (i as HTMLInputElement).value))).toEqual([
      '1',
      '30',
    ]);
    expect(await shown(r.locator('select[name="overdue-stage-1"]'))).toBe('Overdue');
    expect(await r.locator('input[name="payoutOnIssue"]').isChecked()).toBe(true);
    expect(await r.locator('input[name="clabeField"]').inputValue()).toBe('UF_CRM_CLABE');
    await again.page.close();
  });

  it('ru-RU, 390 px: a stage deleted in Bitrix24 while the page was open is refused beside its select', async () => {
    const { page, frame, s } = await openApp('ru', 390);
    expect(await s.locator('h2').textContent()).toBe('Стадии сделки и заём');
    await s.locator('select[name="stage-CONTRACT_SIGNED"]').selectOption({ label: 'Contract signed' });
    // Someone deletes the stage in the portal meanwhile (the page still lists it).
    const st = p.em.core.state.statuses;
    st.splice(
      st.findIndex((x) => x.statusId.endsWith(':CONTRACT_SIGNED')),
      1,
    );
    await s.locator('button[name="stages-save"]').click();
    const err = s.locator('.st-field--error');
    await expect
      .poll(() => err.locator('.st-field__error').allTextContents())
      .toEqual(['Этой стадии больше нет в воронке. Обновите страницу и выберите другую.']);
    expect(await err.locator('.st-field__label').textContent()).toBe('Договор подписан');
    expect(await shown(s.locator('select[name="stage-CONTRACT_SIGNED"]'))).toBe('Contract signed');
    expect(await s.locator('.st-ok').count()).toBe(0);
    expect(await scrollsSideways(frame)).toBe(false);
    await s.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/settings-stages-ru-390.png', fullPage: true });
    await s.screenshot({ path: 'test-results/settings-stages-ru-390-section.png' });
    await page.close();
  });
});
