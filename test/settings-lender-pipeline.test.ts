// The lender-pipeline preset on the app page, in a real browser inside the emulator's portal, as a
// Mexican and a Russian administrator use it: one click makes the pipeline in the portal's language,
// its stages appear in the map's selects and the map is filled in; opened again the button checks
// it; deleted in Bitrix24, the page says so and makes it again. Desktop and 390 px. The app's outbox
// worker runs beside the page (the pipeline is written by a job).
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxWorker } from '../server/jobs/worker.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';
import { appWorker } from './support/app-jobs.js';

const shown = (select: Locator) => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
const options = (select: Locator) => select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent ?? ''));

describe('lender pipeline preset on the app page', () => {
  let p: SettingsPortal;
  let worker: OutboxWorker;
  let browserMx: Browser;
  let browserRu: Browser;

  beforeAll(async () => {
    p = await startSettingsPortal();
    worker = appWorker(p, 50);
    worker.start();
    browserMx = await launchChromium({ locale: 'es-MX' });
    browserRu = await launchChromium({ locale: 'ru-RU' });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await browserMx?.close();
    await browserRu?.close();
    await p?.close();
  });

  const scrollsSideways = (frame: Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  async function openApp(lang: 'es' | 'ru', width: number): Promise<{ page: Page; frame: Frame; s: Locator; preset: Locator }> {
    const page = await (lang === 'es' ? browserMx : browserRu).context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await p.open(page, lang, '[data-testid="stage-maps"][data-ready="yes"] [data-testid="lender-preset"]');
    const s = frame.locator('[data-testid="stage-maps"]');
    return { page, frame, s, preset: s.locator('[data-testid="lender-preset"]') };
  }

  it('es-MX, desktop: one click — the pipeline in Spanish, its stages in the selects, the map filled in', async () => {
    p.em.core.state.app!.languageId = 'es';
    const before = p.em.core.state.categories.length;
    const { page, s, preset } = await openApp('es', 1280);
    expect(await preset.locator('h3').textContent()).toBe('Embudo de préstamos');
    const button = preset.locator('button[name="create-lender-pipeline"]');
    expect(await button.textContent()).toBe('Crear embudo de préstamos');
    await button.click();
    await expect
      .poll(() => preset.locator('[data-testid="preset-result"]').textContent(), { timeout: 20_000 })
      .toBe('El embudo de préstamos está listo: sus etapas ya están elegidas en el mapa de abajo. Revíselas y guarde.');
    expect(p.em.core.state.categories.length).toBe(before + 1);
    await expect.poll(() => shown(s.locator('select[name="stage-pipeline"]'))).toBe('Préstamos (proceso de crédito)');
    expect(await options(s.locator('select[name="stage-ISSUED"]'))).toEqual([
      '— nada —',
      'Solicitud',
      'Verificación',
      'Análisis de crédito',
      'Aprobado',
      'Contrato firmado',
      'Desembolsado',
      'En pago',
      'Vencido',
      'Liquidado',
      'Rechazado',
    ]);
    expect(await shown(s.locator('select[name="stage-OFFER_FIXED"]'))).toBe('Aprobado');
    expect(await shown(s.locator('select[name="stage-CONTRACT_SIGNED"]'))).toBe('Contrato firmado');
    expect(await shown(s.locator('select[name="stage-ISSUED"]'))).toBe('Desembolsado');
    expect(await shown(s.locator('select[name="stage-CLOSED"]'))).toBe('Rechazado');
    expect(await shown(s.locator('select[name="stage-paidOff"]'))).toBe('Liquidado');
    expect(await shown(s.locator('select[name="stage-current"]'))).toBe('En pago');
    expect(await s.locator('input[name^="overdue-days-"]').evaluateAll((l) => l.map((i) => (i as HTMLInputElement).value))).toEqual([
      '1',
      '30',
      '90',
    ]);
    expect(await shown(s.locator('select[name="overdue-stage-2"]'))).toBe('Vencido');
    expect(await button.textContent()).toBe('Revisar el embudo de préstamos');
    await page.screenshot({ path: 'test-results/settings-preset-es-1280.png', fullPage: true });
    await s.screenshot({ path: 'test-results/settings-preset-es-1280-section.png' });
    await page.close();
  });

  it('es-MX, 390 px: opened again, the pipeline is there; checking it again makes no second one', async () => {
    const before = p.em.core.state.categories.length;
    const { page, frame, s, preset } = await openApp('es', 390);
    expect(await preset.locator('[data-testid="preset-result"]').textContent()).toBe(
      'El embudo de préstamos ya existe. Revisarlo otra vez agrega las etapas suyas que se hayan borrado.',
    );
    await preset.locator('button[name="create-lender-pipeline"]').click();
    await expect
      .poll(() => preset.locator('[data-testid="preset-result"]').textContent(), { timeout: 20_000 })
      .toMatch(/^El embudo de préstamos está listo/);
    expect(p.em.core.state.categories.length).toBe(before);
    expect(await shown(s.locator('select[name="stage-ISSUED"]'))).toBe('Desembolsado');
    expect(await scrollsSideways(frame)).toBe(false);
    await preset.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/settings-preset-es-390.png', fullPage: true });
    await s.screenshot({ path: 'test-results/settings-preset-es-390-section.png' });
    await page.close();
  });

  it('es-MX, desktop: roles per stage — a user by ID, a deal field refused beside its stage, saved and seen again', async () => {
    // A text field of the deal: not an employee field, so it cannot name the responsible.
    p.em.core.state.dealUserFields.push({
      id: 9001,
      fieldName: 'UF_CRM_NOTA',
      userTypeId: 'string',
      multiple: false,
      mandatory: false,
      label: 'Nota',
      settings: {},
      sort: 100,
    });
    const { page, s } = await openApp('es', 1280);
    const cat = p.em.core.state.categories.find((c) => c.name === 'Préstamos (proceso de crédito)')!.id;
    const roles = s.locator('[data-testid="stage-roles"]');
    expect(await roles.locator('legend').textContent()).toBe('Quién queda como responsable cuando la negociación entra en la etapa');
    await roles.locator(`select[name="role-kind-C${cat}:UNDERWRITING"]`).selectOption({ label: 'usuario con ID' });
    await roles.locator(`input[name="role-value-C${cat}:UNDERWRITING"]`).fill('1');
    await roles.locator(`select[name="role-kind-C${cat}:OVERDUE"]`).selectOption({ label: 'usuario del campo' });
    await roles.locator(`input[name="role-value-C${cat}:OVERDUE"]`).fill('uf_crm_nota');
    await s.locator('button[name="stages-save"]').click();
    const err = roles.locator('.st-field--error');
    await expect
      .poll(() => err.locator('.st-field__error').allTextContents())
      .toEqual(['La negociación no tiene un campo de tipo empleado con este código']);
    expect(await err.locator('input').getAttribute('name')).toBe(`role-value-C${cat}:OVERDUE`);
    expect(await err.locator('input').inputValue()).toBe('uf_crm_nota');
    await roles.locator(`select[name="role-kind-C${cat}:OVERDUE"]`).selectOption({ label: 'usuario con ID' });
    await roles.locator(`input[name="role-value-C${cat}:OVERDUE"]`).fill('1');
    await s.locator('button[name="stages-save"]').click();
    await expect.poll(() => s.locator('.st-ok').textContent()).toBe('Guardado');
    await roles.scrollIntoViewIfNeeded();
    await roles.screenshot({ path: 'test-results/settings-roles-es-1280.png' });
    await page.close();

    const again = await openApp('es', 1280);
    const r = again.s.locator('[data-testid="stage-roles"]');
    expect(await shown(r.locator(`select[name="role-kind-C${cat}:UNDERWRITING"]`))).toBe('usuario con ID');
    expect(await r.locator(`input[name="role-value-C${cat}:OVERDUE"]`).inputValue()).toBe('1');
    expect(await shown(r.locator(`select[name="role-kind-C${cat}:APPROVED"]`))).toBe('mantiene al responsable');
    await again.page.close();
  });

  it('ru-RU, 390 px and desktop: deleted in Bitrix24, the page says so and makes it again in Russian', async () => {
    const st = p.em.core.state;
    const made = st.categories.find((c) => c.name === 'Préstamos (proceso de crédito)')!;
    st.categories = st.categories.filter((c) => c !== made);
    st.statuses = st.statuses.filter((x) => x.entityId !== `DEAL_STAGE_${made.id}`);
    st.app!.languageId = 'ru';
    const { page, frame, s, preset } = await openApp('ru', 390);
    const result = preset.locator('[data-testid="preset-result"]');
    expect(await result.textContent()).toBe('Воронку займов удалили в Битрикс24.');
    const button = preset.locator('button[name="create-lender-pipeline"]');
    expect(await button.textContent()).toBe('Создать заново');
    await preset.scrollIntoViewIfNeeded();
    await preset.screenshot({ path: 'test-results/settings-preset-ru-390-gone.png' });
    await button.click();
    await expect
      .poll(() => result.textContent(), { timeout: 20_000 })
      .toBe('Воронка займов готова: её стадии выбраны в соответствии ниже. Проверьте и сохраните.');
    await expect.poll(() => shown(s.locator('select[name="stage-pipeline"]'))).toBe('Займы (кредитный процесс)');
    expect(await shown(s.locator('select[name="stage-ISSUED"]'))).toBe('Выдан');
    expect(await shown(s.locator('select[name="stage-paidOff"]'))).toBe('Погашен');
    expect(await shown(s.locator('select[name="overdue-stage-0"]'))).toBe('Просрочка');
    expect(await s.locator('[data-testid="stage-roles"] legend').textContent()).toBe(
      'Кто становится ответственным, когда сделка попадает на стадию',
    );
    expect(await scrollsSideways(frame)).toBe(false);
    await page.screenshot({ path: 'test-results/settings-preset-ru-390.png', fullPage: true });
    await s.screenshot({ path: 'test-results/settings-preset-ru-390-section.png' });
    await page.close();

    const wide = await openApp('ru', 1280);
    expect(await wide.preset.locator('[data-testid="preset-result"]').textContent()).toBe(
      'Воронка займов уже есть. Повторная проверка добавит её удалённые стадии.',
    );
    await wide.s.screenshot({ path: 'test-results/settings-preset-ru-1280-section.png' });
    await wide.page.close();
  });
});
