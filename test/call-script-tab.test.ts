// The call-script tab as a collector meets it, in Chromium with es-MX and ru-RU browser locales, on a
// desktop and on a 390×844 phone: a workflow waits on our call_script robot for a Mexican (+52, MXN)
// or a Russian (+7, RUB) deal with a saved loan; the tab shows the script in Spanish / Russian with
// every variable filled (company name from the lender's settings, the loan's amount, term, payment
// and first due date formatted for the locale), the chosen option highlighted, Finish on screen when
// the path ends, and the to-do and the timeline comment in the deal's language. A deal with no
// script shows a visible empty state. Screenshots go to $CALL_SCRIPT_SHOTS (default a temp dir).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowsOf } from '../emulator/workflows/register.js';
import { callScriptPlacement } from '../server/activities/call-script/placement.js';
import { sampleTerms } from './support/sample-terms.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';
import { chromiumBrowser } from './support/chromium.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';

const SHOTS = process.env.CALL_SCRIPT_SHOTS ?? join(tmpdir(), 'call-script-shots');
const ACCENT = 'rgb(47, 198, 246)'; // --b24-accent, the loan tab's accent

interface Case {
  locale: 'es-MX' | 'ru-RU';
  lang: 'es' | 'ru';
  company: string;
  deal: { phone: string; name: string; currency: string; amount: string };
  loan: Parameters<typeof sampleTerms>[1];
  installments: number;
  /** What must be on screen, variables filled. */
  identity: string;
  terms: string[];
  todo: RegExp;
  comment: string;
  empty: string;
  /** The payout options on screen: the market's own rails (issue 15 minors item 2), the last one cash. */
  payout: string[];
  /** Beside a CLABE whose control digit is wrong: Mexico's payout asks for one, Russia's types nothing. */
  badClabe?: string;
}

const CASES: Case[] = [
  {
    locale: 'es-MX',
    lang: 'es',
    company: 'Presta Ya',
    deal: { phone: '+5215500000071', name: 'Ana López', currency: 'MXN', amount: '15000' },
    loan: {
      principal: '15000',
      currency: 'MXN',
      contractDate: '2027-01-04',
      disbursementDate: '2027-01-04',
      frequency: { unit: 'week', every: 2 },
      firstDueDate: '2027-01-18',
    },
    installments: 8,
    identity: 'Buenos días, le llamo de Presta Ya. ¿Hablo con Ana López?',
    terms: ['$15,000.00 a 16 semanas', 'el primero el 18 de enero de 2027'],
    todo: /abra la pestaña «Guion de llamada»/,
    comment: '= verificado:',
    empty: 'No hay ningún guion de llamada en curso para esta negociación.',
    payout: ['Transferencia SPEI a su cuenta (CLABE)', 'Efectivo en OXXO', 'Efectivo en sucursal'],
    badClabe: 'una CLABE de 18 dígitos con dígito de control válido',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    company: 'Займ Сразу',
    deal: { phone: '+79120000071', name: 'Иван Петров', currency: 'RUB', amount: '100000' },
    loan: { contractDate: '2027-01-15', disbursementDate: '2027-01-15', firstDueDate: '2027-02-15' },
    installments: 12,
    identity: 'Здравствуйте, вас беспокоит Займ Сразу. Это Иван Петров?',
    terms: ['100 000,00 ₽ на 12 месяцев', 'первый — 15 февраля 2027. Согласны?'],
    todo: /вкладку «Скрипт звонка»/,
    comment: '= проверено:',
    empty: 'По этой сделке сейчас нет скрипта звонка.',
    payout: ['По СБП на номер телефона', 'На банковскую карту', 'На счёт по реквизитам', 'Наличными в офисе'],
  },
];

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('call-script tab in es-MX and ru-RU', () => {
  let w: ActivityWorld;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWidgetsBuilt();
    // The harness feeds provider settings directly; the lender's company name comes with them, as
    // server/settings/wire.ts adds it from PUT /api/v1/settings/lender.
    const company = new Map(CASES.map((c) => [c.deal.currency, c.company]));
    let currency = 'MXN';
    w = await startActivityWorld({ companyName: () => company.get(currency) });
    setCompanyFor = (c) => void (currency = c);
    w.startWorker();
    browser = await chromiumBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await w?.close();
  }, 90_000);

  let setCompanyFor: (currency: string) => void = () => undefined;

  async function dealWithLoanAndScript(c: Case): Promise<{ dealId: number; runId: string }> {
    setCompanyFor(c.deal.currency);
    const dealId = await w.deal({ ...c.deal, assignedBy: 1 });
    const token = w.p.a.app.sessions.issue({ portalId: w.portalId, userId: 1, dealId, isAdmin: false });
    const r = await fetch(`${w.p.a.url}/api/v1/deals/${dealId}/loan`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ loan: sampleTerms(c.installments, c.loan) }),
    });
    expect(r.status).toBe(200);
    const runner = workflowsOf(w.p.em.core);
    const tpl = runner.defineTemplate(`final-${c.lang}`, [
      { type: 'activity', code: 'call_script', properties: { script: 'final-call' }, timeoutSec: 60 },
    ]);
    const run = runner.start(tpl.id, dealId);
    await expect.poll(() => w.p.em.state.todos.filter((t) => t.ownerId === dealId).length, { timeout: 15_000 }).toBe(1);
    return { dealId, runId: run.id };
  }

  async function openTab(c: Case, vp: (typeof VIEWPORTS)[number], dealId: number): Promise<{ page: Page; frame: Frame }> {
    const context = await browser.newContext({ locale: c.locale, viewport: { width: vp.width, height: vp.height } });
    const page = await context.newPage();
    const url = `${w.p.a.url}${callScriptPlacement.handlerPath}`;
    const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(url) });
    await page.goto(`${w.p.em.url}/crm/deal/details/${dealId}/?tab=${callScriptPlacement.handlerPath}&lang=${c.lang}`);
    const frame = await navigated;
    await frame.waitForSelector('.cs-app');
    return { page, frame };
  }

  /** The frame element's height in the portal page: the tab is sized to its content. */
  async function frameHeight(page: Page): Promise<number> {
    const el = await page.waitForSelector(`iframe[src*="${callScriptPlacement.handlerPath}"], iframe`);
    return (await el.boundingBox())?.height ?? 0;
  }

  it("a deal that tells no language is worked in the user's: the tab's lang decides, answers and comment follow", async () => {
    setCompanyFor('USD');
    const dealId = await w.deal({ phone: '+15550000071', name: 'John Roe', currency: 'USD', amount: '5000', assignedBy: 1 });
    const runner = workflowsOf(w.p.em.core);
    const run = runner.start(
      runner.defineTemplate('first-any', [{ type: 'activity', code: 'call_script', properties: { script: 'first-call' }, timeoutSec: 60 }])
        .id,
      dealId,
    );
    await expect.poll(() => w.p.em.state.todos.filter((t) => t.ownerId === dealId).length, { timeout: 15_000 }).toBe(1);
    const token = w.p.a.app.sessions.issue({ portalId: w.portalId, userId: 1, dealId, isAdmin: false });
    const api = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${w.p.a.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return (await r.json()) as Record<string, unknown>;
    };
    const { calls } = (await api('GET', `/api/v1/deals/${dealId}/call-scripts?lang=ru`)) as {
      calls: { callId: string; script: { lang: string; title: string }; fallbacks: Record<string, string> }[];
    };
    expect(calls[0]!.script.lang).toBe('ru');
    // The harness's settings name no company for USD: the collector gets a neutral text, the admin a log line.
    expect(calls[0]!.fallbacks.company_name).toBe('(название вашей компании)');
    const id = calls[0]!.callId;
    for (const [questionId, value] of [
      ['identity', 'yes'],
      ['application', 'yes'],
      ['purpose', 'personal'],
      ['employment', 'self_employed'],
      ['monthly_income', '85 000'], // a Russian amount, read as the script's language says
      ['consent', 'yes'],
    ])
      expect(await api('POST', `/api/v1/call-scripts/${id}/answers`, { questionId, value, lang: 'ru' })).not.toHaveProperty('error');
    await api('POST', `/api/v1/call-scripts/${id}/finish`);
    const done = await runner.wait(run.id, 20_000);
    expect(done.steps[0]!.returnValues).toMatchObject({ outcome: 'completed' });
    // The admin reads in the robot log what had no value and where to fill it.
    expect(done.steps[0]!.log.join('\n')).toMatch(/company_name: set the company name in the app settings/);
    const comment = w.p.em.state.timeline.find((t) => t.entityId === dealId && t.entityType === 'deal')!.comment;
    expect(comment).toContain('Здравствуйте, вас беспокоит (название вашей компании).');
    expect(comment).toContain('= завершён:');
  }, 60_000);

  for (const c of CASES) {
    for (const vp of VIEWPORTS) {
      it(`${c.locale} ${vp.name}: the script in the deal's language, every variable filled, choice highlighted, Finish on screen`, async () => {
        const { dealId, runId } = await dealWithLoanAndScript(c);
        const { page, frame } = await openTab(c, vp, dealId);
        const q = (n: number) => frame.locator('fieldset.q').nth(n);
        const body = async () => (await frame.locator('.cs-app').innerText()).replace(/\u00a0|\u202f/g, ' ');

        expect(await q(0).locator('legend').innerText()).toContain(c.identity);
        await q(0).locator('.cs-option').nth(0).click();
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(2);
        const raw = await q(1).locator('legend').innerText();
        // Money as the Loan tab shows it (symbol, not the code), never broken inside at 390 px.
        expect(raw).not.toMatch(/\d \d|\d [₽$]/);
        const terms = raw.replace(/\u00a0|\u202f/g, ' ');
        for (const part of c.terms) expect(terms).toContain(part);
        // Still filled after an answer: nothing raw, no stand-in.
        expect(await body()).not.toMatch(/\{\{|\(…\)/);
        const chosen = q(0).locator('.cs-option').nth(0);
        expect(await chosen.getAttribute('aria-pressed')).toBe('true');
        expect(await chosen.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(ACCENT);
        expect(
          await q(0)
            .locator('.cs-option')
            .nth(1)
            .evaluate((b) => getComputedStyle(b).backgroundColor),
        ).not.toBe(ACCENT);

        await q(1).locator('.cs-option').nth(0).click(); // accepts the terms
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(3);
        // A Mexican collector offers SPEI/CLABE and OXXO; a Russian one СБП, a card or requisites.
        expect(await q(2).locator('.cs-option').allInnerTexts()).toEqual(c.payout);
        await q(2).screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-payout.png`) });
        await q(2).locator('.cs-option').last().click(); // cash at the office
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(4);
        await q(3).locator('.cs-option').nth(0).click(); // SMS reminders: yes
        await frame.waitForSelector('.cs-end button.finish:not([disabled])');

        // Finish is on screen where the collector is: under the closing words, inside the viewport.
        // (The tab brings it on screen once the portal has grown the frame.)
        const finish = frame.locator('.cs-end button.finish');
        const onScreen = async () => {
          const b = await finish.boundingBox();
          return !!b && b.y >= 0 && b.y + b.height <= vp.height && b.x + b.width <= vp.width;
        };
        await expect.poll(onScreen, { timeout: 5000 }).toBe(true);
        // Sized to content: the whole script fits the frame (no inner scrollbar).
        // The portal resizes the frame a moment after the content grows (fit-frame.ts → resizeWindowAuto).
        const inner = () => frame.evaluate(() => document.getElementById('app')!.scrollHeight);
        await expect.poll(async () => (await frameHeight(page)) - (await inner()), { timeout: 5000 }).toBeGreaterThanOrEqual(-1);
        // The Bitrix24 look, not the browser's default Times.
        expect(await frame.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Open Sans|Helvetica/);
        // What the collector sees now (the viewport), and the whole tab.
        await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-end.png`) });
        await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-full.png`), fullPage: true });

        await finish.click();
        await frame.waitForSelector('.done');
        const done = await workflowsOf(w.p.em.core).wait(runId, 20_000);
        expect(done.steps[0]!.returnValues).toMatchObject({ outcome: 'verified' });
        // To-do and timeline comment in the deal's language, variables filled.
        const todo = w.p.em.state.todos.find((t) => t.ownerId === dealId)!;
        expect(todo.description).toMatch(c.todo);
        const comment = w.p.em.state.timeline.find((t) => t.entityId === dealId && t.entityType === 'deal')!.comment;
        expect(comment).toContain(c.identity);
        expect(comment).toContain(c.comment);
        expect(comment).not.toMatch(/\{\{/);
        // The collector reads it: no internal id at its end.
        expect(comment).not.toMatch(/\[call [0-9a-f-]+\]/);
        await page.context().close();
      }, 90_000);
    }

    const badClabe = c.badClabe;
    if (badClabe)
      it(`${c.locale} phone: a typed answer is saved with Enter, as the keyboard's Go key does`, async () => {
        const { dealId } = await dealWithLoanAndScript(c);
        const { page, frame } = await openTab(c, VIEWPORTS[1], dealId);
        const q = (n: number) => frame.locator('fieldset.q').nth(n);
        await q(0).locator('.cs-option').nth(0).click(); // it is the client
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(2);
        await q(1).locator('.cs-option').nth(0).click(); // accepts the terms
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(3);
        await q(2).locator('.cs-option').nth(0).click(); // to an account (CLABE)
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(4);
        const clabe = q(3).locator('input.cs-input');
        // A wrong control digit: refused on Enter beside the field, on screen at 390 px, the text kept.
        await clabe.fill('012 298 026516924617');
        await clabe.press('Enter');
        const refusal = q(3).locator('.cs-field__error');
        await expect.poll(async () => (await refusal.textContent()) ?? '').toContain(badClabe);
        // Brought on screen once the portal has grown the frame to the new content (fit-frame.ts).
        const onScreen = async () => {
          const b = await refusal.boundingBox();
          return !!b && b.y >= 0 && b.y + b.height <= VIEWPORTS[1].height + 1; // scrolled to the very edge: sub-pixel
        };
        await expect.poll(onScreen, { timeout: 5000 }).toBe(true);
        expect(await clabe.inputValue()).toBe('012 298 026516924617');
        await page.screenshot({ path: join(SHOTS, `${c.locale}-clabe-refused.png`) });
        // The right one: Enter saves it and the next question (the account holder) is asked.
        await clabe.fill('012 298 026516924616');
        await clabe.press('Enter');
        await expect.poll(() => frame.locator('fieldset.q').count()).toBe(5);
        await expect.poll(() => frame.locator('.cs-field__error, .cs-error').count()).toBe(0);
        await page.screenshot({ path: join(SHOTS, `${c.locale}-clabe-saved.png`) });
        await page.context().close();
      }, 60_000);

    it(`${c.locale}: a deal with no script shows a visible empty state`, async () => {
      const dealId = await w.deal({ ...c.deal, phone: `${c.deal.phone.slice(0, -2)}99` });
      const { page, frame } = await openTab(c, VIEWPORTS[1], dealId);
      await frame.waitForSelector('.cs-empty');
      expect(await frame.locator('.cs-empty').innerText()).toContain(c.empty);
      expect(await frameHeight(page)).toBeGreaterThanOrEqual(120);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-empty.png`), fullPage: true });
      await page.context().close();
    }, 60_000);
  }
});
