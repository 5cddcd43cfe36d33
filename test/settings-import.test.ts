// Payment files from paying agents, in a real browser: an administrator opens the app's page in the
// portal, uploads the agent's CSV (CP1251, ';', decimal comma — what Russian agents send), previews
// it while the page shows its progress (the server parses it in a worker thread and the page polls),
// imports it, and the loans' ledgers hold the payments once; the same file again finds nothing
// new. A file with a line for a deal without a loan is refused as a whole and books nothing. In
// es-MX and ru-RU browsers, at desktop width and 390 px, the lines show the payment method by name,
// dates and amounts in the country's format, and the portal's past imports are listed.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import { sampleTerms } from './support/sample-terms.js';
import type { AppUnderTest } from './support/portal-harness.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

/** A CP1251 file as a Russian agent sends it (Cyrillic bytes, not UTF-8). */
function cp1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else throw new Error(`no CP1251 byte for ${ch}`);
  }
  return Buffer.from(out);
}

describe('payment files from paying agents', () => {
  let portal: SettingsPortal;
  let em: Emulator;
  let a: AppUnderTest;
  let portalId: string;
  let browser: Browser;
  let browserMx: Browser;
  const deals: number[] = [];

  async function api(
    method: string,
    path: string,
    dealId: number | null,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const token = a.app.sessions.issue({ portalId, userId: 1, isAdmin: dealId === null, ...(dealId === null ? {} : { dealId }) });
    const r = await fetch(`${a.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  }

  const paymentsOf = async (dealId: number) =>
    ((await api('GET', `/api/v1/deals/${dealId}/loan`, dealId)).json.payments as { amount: string }[]).map((p) => p.amount);

  beforeAll(async () => {
    portal = await startSettingsPortal();
    ({ em, a, portalId } = portal);
    for (const title of ['Заём Петрову', 'Заём Сидоровой']) {
      const r = await fetch(`${em.url}/rest/crm.deal.add`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ auth: em.issueUserToken(1).accessToken, fields: { TITLE: title, CURRENCY_ID: 'RUB', OPPORTUNITY: 100000 } }),
      });
      const id = Number(((await r.json()) as { result: number }).result);
      deals.push(id);
      const saved = await api('POST', `/api/v1/deals/${id}/loan`, id, { loan: sampleTerms(12), productId: null });
      expect(saved.status).toBe(200);
    }
    browser = await launchChromium({ locale: 'ru-RU' });
    browserMx = await launchChromium({ locale: 'es-MX' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await browserMx?.close();
    await portal?.close();
  });

  async function openApp(lang: 'ru' | 'es' = 'ru', width = 1280): Promise<{ page: Page; frame: Frame }> {
    const page = await (lang === 'es' ? browserMx : browser).context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await portal.open(page, lang, 'main[data-ready="yes"][data-can-edit="yes"]');
    return { page, frame };
  }

  async function upload(
    frame: Frame,
    name: string,
    content: Buffer,
    columns = ['Номер сделки', 'Дата', 'Сумма', 'Номер платежа'],
  ): Promise<void> {
    const section = frame.locator('[data-testid="payment-import"]');
    await section.locator('input[name="paymentFile"]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
    const [deal, date, amount, reference] = columns as [string, string, string, string];
    await section.locator('input[name="col-dealId"]').fill(deal);
    await section.locator('input[name="col-date"]').fill(date);
    await section.locator('input[name="col-amount"]').fill(amount);
    await section.locator('input[name="col-reference"]').fill(reference);
  }

  const cells = (frame: Frame, selector: string) => frame.locator(selector).allTextContents();
  /** The frame's page scrolls sideways (something wider than the phone). */
  const scrollsSideways = (frame: Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it('previews, imports once, and finds nothing new in the same file again', async () => {
    const [d1, d2] = deals as [number, number];
    const file = cp1251(
      `Номер сделки;Дата;Сумма;Номер платежа\n${d1};15.02.2024;9 168,00;П-1\n${d2};15.02.2024;10 000,50;П-2\n${d1};15.03.2024;9 168,00;П-3\n`,
    );
    const { page, frame } = await openApp();
    await upload(frame, 'agent-2024-03-15.csv', file);
    const section = frame.locator('[data-testid="payment-import"]');
    await section.locator('button[name="preview"]').click();
    // The file is parsed in the background: the page says so until the preview is back.
    await section.locator('[data-testid="import-progress"]').waitFor();
    await expect.poll(() => section.locator('[data-testid="import-summary"]').textContent()).toContain('Новых платежей: 3');
    await expect.poll(() => section.locator('[data-testid="import-progress"]').count()).toBe(0);
    // A preview books nothing.
    expect(await paymentsOf(d1)).toEqual([]);
    const rows = '[data-testid="import-lines"] tbody tr';
    expect(await cells(frame, `${rows} td:nth-child(3)`)).toEqual(['15.02.2024', '15.02.2024', '15.03.2024']);
    expect((await cells(frame, `${rows} td:nth-child(4)`)).map((c) => c.replace(/\s/g, ' '))).toEqual([
      '9 168,00',
      '10 000,50',
      '9 168,00',
    ]);
    expect(await cells(frame, `${rows} td:nth-child(6)`)).toEqual(Array(3).fill('Файл платёжного агента'));
    await page.screenshot({ path: 'test-results/settings-import-preview.png', fullPage: true });

    await section.locator('button[name="import"]').click();
    await expect.poll(() => section.locator('[data-testid="import-summary"]').textContent()).toContain('Проведено новых платежей: 3');
    expect(await paymentsOf(d1)).toEqual(['9168.00', '9168.00']);
    expect(await paymentsOf(d2)).toEqual(['10000.50']);

    // The agent sends the same file again (or tomorrow's cumulative one): nothing counts twice.
    await section.locator('button[name="preview"]').click();
    await expect
      .poll(() => section.locator('[data-testid="import-summary"]').textContent())
      .toContain('Все платежи из этого файла уже проведены');
    expect(await section.locator('button[name="import"]').isDisabled()).toBe(true);
    expect(await paymentsOf(d1)).toHaveLength(2);
    // The portal's imports, newest first: the second preview, the import, the first preview.
    const history = '[data-testid="import-history"] tbody tr';
    await expect.poll(() => frame.locator(history).count()).toBe(3);
    expect(await cells(frame, `${history} td:nth-child(3)`)).toEqual(['Проверка', 'Импорт', 'Проверка']);
    expect(await cells(frame, `${history} td:nth-child(4)`)).toEqual(['проверен', 'импортирован', 'проверен']);
    expect(await cells(frame, `${history} td:nth-child(2)`)).toEqual(Array(3).fill('agent-2024-03-15.csv'));
    expect((await cells(frame, `${history} td:nth-child(1)`))[0]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    await page.close();
  });

  it('a file with one line for a deal without a loan is refused as a whole and books nothing', async () => {
    const [d1] = deals as [number];
    const before = await paymentsOf(d1);
    const file = cp1251(`Номер сделки;Дата;Сумма;Номер платежа\n${d1};15.04.2024;9 168,00;П-4\n999999;15.04.2024;500,00;П-5\n`);
    const { page, frame } = await openApp();
    await upload(frame, 'agent-bad.csv', file);
    const section = frame.locator('[data-testid="payment-import"]');
    await section.locator('button[name="preview"]').click();
    const refused = section.locator('[data-testid="import-refused"]');
    await expect.poll(() => refused.textContent()).toContain('Файл отклонён');
    expect(await refused.locator('tbody tr').count()).toBe(1);
    expect(await refused.locator('tbody tr td').first().textContent()).toBe('3');
    expect(await refused.locator('tbody tr td').last().textContent()).toBe('По этой сделке нет сохранённого займа');
    expect(await paymentsOf(d1)).toEqual(before);
    await page.screenshot({ path: 'test-results/settings-import-refused.png', fullPage: true });
    await page.close();
  });

  it('es-MX, desktop and 390 px: method by name, Mexican dates and amounts, the history listed, no sideways scroll', async () => {
    const [, d2] = deals as [number, number];
    const file = Buffer.from(
      `Negociación,Fecha,Monto,Referencia\n${d2},15/05/2024,"1,000.50",OXXO-1\n${d2},16/05/2024,"12,000.00",OXXO-2\n`,
      'utf8',
    );
    for (const width of [1280, 390]) {
      const { page, frame } = await openApp('es', width);
      const section = frame.locator('[data-testid="payment-import"]');
      // A Mexican admin's defaults read a Mexican file as it is: Spanish headers, "1,000.50".
      expect(await section.locator('input[name="col-dealId"]').inputValue()).toBe('Negociación');
      expect(await section.locator('input[name="col-amount"]').inputValue()).toBe('Monto');
      expect(await section.locator('select[name="decimalSeparator"]').inputValue()).toBe('.');
      await section.locator('input[name="paymentFile"]').setInputFiles({ name: 'pagos-mx.csv', mimeType: 'text/csv', buffer: file });
      await section.locator('button[name="preview"]').click();
      await expect.poll(() => section.locator('[data-testid="import-summary"]').textContent()).toContain('Pagos nuevos: 2');
      const rows = '[data-testid="import-lines"] tbody tr';
      expect(await cells(frame, `${rows} td:nth-child(3)`)).toEqual(['15/05/2024', '16/05/2024']);
      expect(await cells(frame, `${rows} td:nth-child(4)`)).toEqual(['1,000.50', '12,000.00']);
      expect(await cells(frame, `${rows} td:nth-child(6)`)).toEqual(['Archivo del agente de cobro', 'Archivo del agente de cobro']);
      const history = '[data-testid="import-history"] tbody tr';
      await expect.poll(async () => (await cells(frame, `${history} td:nth-child(2)`))[0]).toBe('pagos-mx.csv');
      expect((await cells(frame, `${history} td:nth-child(1)`))[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
      expect((await cells(frame, `${history} td:nth-child(3)`))[0]).toBe('Vista previa');
      expect((await cells(frame, `${history} td:nth-child(4)`))[0]).toBe('revisado');
      expect(await scrollsSideways(frame)).toBe(false);
      await page.screenshot({ path: `test-results/settings-import-es-${width}.png`, fullPage: true });
      await page.close();
    }
  });

  it('ru-RU at 390 px: the history and the lines fit the phone without sideways scroll', async () => {
    const { page, frame } = await openApp('ru', 390);
    await expect.poll(() => frame.locator('[data-testid="import-history"] tbody tr').count()).toBeGreaterThan(0);
    // A Russian admin's defaults: the decimal comma and Russian headers.
    expect(await frame.locator('select[name="decimalSeparator"]').inputValue()).toBe(',');
    expect(await frame.locator('input[name="col-amount"]').inputValue()).toBe('Сумма');
    expect(await cells(frame, '[data-testid="import-history"] th')).toContain('Уже проведено');
    expect(await scrollsSideways(frame)).toBe(false);
    await page.screenshot({ path: 'test-results/settings-import-ru-390.png', fullPage: true });
    await page.close();
  });
  it('es-MX at 390 px: a long file shows its first 100 lines and the rest on demand, counts written the Mexican way', async () => {
    const [, d2] = deals as [number, number];
    const lines = Array.from({ length: 1150 }, (_, i) => `${d2},17/05/2024,"${i + 1}.00",LOTE-${i}`);
    const file = Buffer.from(`Negociación,Fecha,Monto,Referencia\n${lines.join('\n')}\n`, 'utf8');
    const { page, frame } = await openApp('es', 390);
    const section = frame.locator('[data-testid="payment-import"]');
    await section.locator('input[name="paymentFile"]').setInputFiles({ name: 'lote-grande.csv', mimeType: 'text/csv', buffer: file });
    await section.locator('button[name="preview"]').click();
    await expect.poll(() => section.locator('[data-testid="import-summary"]').textContent()).toContain('Pagos nuevos: 1150');
    const rows = '[data-testid="import-lines"] tbody tr';
    expect(await frame.locator(rows).count()).toBe(100);
    const more = section.locator('[data-testid="import-more-lines"]');
    expect(await more.textContent()).toBe('Mostrar 100 más (100 de 1,150 líneas)');
    await more.click();
    await expect.poll(() => frame.locator(rows).count()).toBe(200);
    expect((await cells(frame, `${rows} td:nth-child(1)`)).at(-1)).toBe('201');
    expect(await more.textContent()).toBe('Mostrar 100 más (200 de 1,150 líneas)');
    expect(await scrollsSideways(frame)).toBe(false);
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/settings-import-es-390-more.png', fullPage: false });
    await page.close();
  });
});
