// The bank-reply review queue on the app's page, in a real browser inside the emulator's portal, as a
// Mexican and a Russian administrator use it: a reply the app would not apply by itself shows its new
// text, what was understood (decision, amount, bank, deal link) and every reason in the reader's
// language; Apply queues it, the app's job moves the deal and the reply leaves the queue; Dismiss
// closes another without touching its deal; one naming no deal offers Dismiss only. The stage map's
// new "when a bank decides" selects keep what was saved. Desktop and 390 px.
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../server/jobs/worker.js';
import type { StageMap } from '../server/lifecycle/stage-map.js';
import { saveStageMap } from '../server/lifecycle/repo.js';
import { uuidv7 } from '../server/security/uuidv7.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';
import { insertBank } from './support/mail/bank-row.js';

const READY = '[data-testid="review-queue"][data-ready="yes"]';

describe('bank replies to review on the app page', () => {
  let p: SettingsPortal;
  let browserMx: Browser;
  let browserRu: Browser;
  let cat: number;
  const st = (code: string) => `C${cat}:${code}`;
  const deals: number[] = [];
  const ids = { approve: uuidv7(), dismiss: uuidv7(), unmatched: uuidv7() };

  async function reply(id: string, o: { dealId: number | null; subject: string; text: string; reasons: string[]; amount?: string }) {
    await p.db.kysely
      .insertInto('mail_replies')
      .values({
        id,
        portal_id: p.portalId,
        dedupe_key: `<${id}@bank.example>`,
        message_id: `<${id}@bank.example>`,
        from_address: 'maria.gomez@banco-norte.example',
        subject: o.subject,
        received_at: '2026-12-04T15:12:00.000Z',
        deal_id: o.dealId,
        bank_id: o.dealId === null ? null : 'banco-norte',
        matched_by: o.dealId === null ? null : 'message-id',
        decision: o.dealId === null ? null : 'approved',
        amount: o.amount ?? null,
        currency: o.amount ? 'MXN' : null,
        verdict: 'review',
        reasons: JSON.stringify(o.reasons),
        understood: JSON.stringify({ auth: { dmarc: 'fail', dkimAligned: false, spf: 'none' } }),
        fresh_text: o.text,
        status: 'pending',
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  beforeAll(async () => {
    p = await startSettingsPortal();
    [browserMx, browserRu] = await Promise.all([launchChromium({ locale: 'es-MX' }), launchChromium({ locale: 'ru-RU' })]);
    const cats = await p.a.app
      .getPortalClient(p.portalId)
      .then((c) => c.call<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: 2 }));
    cat = cats.categories.find((c) => c.id !== 0)!.id;
    const map: StageMap = {
      onStage: {},
      toStage: { overdue: [] },
      payoutOnIssue: false,
      bankDecision: { approved: st('APPROVED'), rejected: st('LOSE') },
      lang: 'es',
    };
    await saveStageMap(p.db.kysely, p.portalId, cat, map, { userId: 1, nowIso: new Date().toISOString() });
    await insertBank(p.db.kysely, p.portalId, { id: 'banco-norte', name: 'Banco Norte', replySenders: ['@banco-norte.example'] });
    for (const title of ['Crédito Juan Pérez', 'Кредит Иванов'])
      deals.push(Number(p.em.createDeal({ TITLE: title, CATEGORY_ID: cat, STAGE_ID: st('UNDERWRITING') }).ID));
    await reply(ids.approve, {
      dealId: deals[0]!,
      subject: `Re: Solicitud ${deals[0]} - Juan Pérez`,
      text: 'aprobado, 150 000',
      reasons: ['sender-not-authenticated', 'amount-outside-band'],
      amount: '150000',
    });
    await reply(ids.dismiss, {
      dealId: deals[1]!,
      subject: `Re: Заявка ${deals[1]}`,
      text: 'Одобрено 1 500 000 руб.',
      reasons: ['match-conflict'],
      amount: '1500000',
    });
    await reply(ids.unmatched, { dealId: null, subject: 'Fwd: resultado', text: 'ver adjunto', reasons: ['no-match', 'no-decision'] });
  }, 120_000);

  afterAll(async () => {
    await browserMx?.close();
    await browserRu?.close();
    await p?.close();
  });

  const scrollsSideways = (frame: Frame) =>
    frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  async function openApp(lang: 'es' | 'ru', width: number): Promise<{ page: Page; frame: Frame; q: Locator }> {
    const page = await (lang === 'es' ? browserMx : browserRu).context.newPage();
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const frame = await p.open(page, lang, READY);
    return { page, frame, q: frame.locator('[data-testid="review-queue"]') };
  }

  const card = (q: Locator, id: string) => q.locator(`[data-reply-id="${id}"]`);

  it('es-MX, desktop: the reply shows what was understood and why; Apply moves the deal and it leaves the queue', async () => {
    const { page, frame, q } = await openApp('es', 1280);
    expect(await q.locator('h2').textContent()).toBe('Respuestas de bancos por revisar');
    const c = card(q, ids.approve);
    expect(await c.locator('[data-testid="reply-decision"]').textContent()).toBe('Aprobado');
    expect(await c.locator('[data-testid="reply-amount"]').textContent()).toBe('150,000.00 MXN');
    expect(await c.locator('[data-testid="reply-deal"] a').textContent()).toBe(`#${deals[0]}`);
    expect(await c.locator('[data-testid="reply-text"]').textContent()).toBe('aprobado, 150 000');
    expect(await c.locator('[data-testid="reply-reasons"] li').allTextContents()).toEqual([
      'El dominio del remitente no confirmó el mensaje (DMARC/DKIM): puede ser falso.',
      'El monto está fuera del rango fijado para este banco (o la negociación no tiene préstamo guardado para comparar).',
    ]);
    expect(await c.textContent()).toContain('Banco Norte');
    // The reply naming no deal can only be dismissed.
    expect(await card(q, ids.unmatched).locator('button[name="reply-apply"]').count()).toBe(0);
    // The stage map's bank-decision selects show what was saved.
    const stages = frame.locator('[data-testid="stage-maps"]');
    await frame.waitForSelector('[data-testid="stage-maps"][data-ready="yes"]');
    expect(
      await stages.locator('select[name="decision-approved"]').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
    ).toBe('Approved');
    await stages.screenshot({ path: 'test-results/settings-review-es-1280-stages.png' });
    await page.screenshot({ path: 'test-results/settings-review-es-1280.png', fullPage: true });

    await c.locator('button[name="reply-apply"]').click();
    await expect.poll(() => c.locator('[data-testid="reply-state"]').textContent()).toBe('En cola: la negociación avanza en un momento.');
    const worker = new OutboxWorker({
      db: p.db.kysely,
      dialect: p.db.dialect,
      log: p.a.app.log,
      getPortalClient: (id) => p.a.app.getPortalClient(id),
      handlers: p.a.app.jobHandlers,
    });
    await worker.drain();
    await expect
      .poll(() => q.locator('[data-testid="review-done"]').textContent(), { timeout: 15_000 })
      .toContain('Aplicada: Re: Solicitud');
    expect(await c.count()).toBe(0);
    const deal = await p.a.app.getPortalClient(p.portalId).then((cl) => cl.call<Record<string, unknown>>('crm.deal.get', { id: deals[0] }));
    expect(deal.STAGE_ID).toBe(st('APPROVED'));
    await q.screenshot({ path: 'test-results/settings-review-es-1280-section.png' });
    await page.close();
  });

  it('es-MX, 390 px: the queue fits the phone', async () => {
    const { page, frame, q } = await openApp('es', 390);
    expect(await card(q, ids.unmatched).locator('[data-testid="reply-deal"]').textContent()).toBe('no encontrada');
    expect(await scrollsSideways(frame)).toBe(false);
    await q.screenshot({ path: 'test-results/settings-review-es-390-section.png' });
    await page.close();
  });

  it('ru-RU, desktop and 390 px: reasons in Russian; Dismiss closes the reply and leaves its deal where it was', async () => {
    const desk = await openApp('ru', 1280);
    expect(await card(desk.q, ids.dismiss).locator('[data-testid="reply-reasons"] li').allTextContents()).toEqual([
      'В письме названа и другая сделка.',
    ]);
    expect(await card(desk.q, ids.dismiss).locator('[data-testid="reply-amount"]').textContent()).toBe('1\u00a0500\u00a0000,00 MXN');
    await desk.q.screenshot({ path: 'test-results/settings-review-ru-1280-section.png' });
    await desk.page.close();

    const { page, frame, q } = await openApp('ru', 390);
    const c = card(q, ids.dismiss);
    expect(await c.locator('button[name="reply-apply"]').textContent()).toBe('Применить');
    await c.locator('button[name="reply-dismiss"]').click();
    await expect.poll(() => q.locator('[data-testid="review-done"]').textContent()).toBe(`Отклонено: Re: Заявка ${deals[1]}`);
    expect(await scrollsSideways(frame)).toBe(false);
    await page.screenshot({ path: 'test-results/settings-review-ru-390.png', fullPage: true });
    const row = await p.db.kysely
      .selectFrom('mail_replies')
      .select(['status', 'decided_by'])
      .where('id', '=', ids.dismiss)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'dismissed', decided_by: 1 });
    const deal = await p.a.app.getPortalClient(p.portalId).then((cl) => cl.call<Record<string, unknown>>('crm.deal.get', { id: deals[1] }));
    expect(deal.STAGE_ID).toBe(st('UNDERWRITING'));
    await page.close();
  });
});
