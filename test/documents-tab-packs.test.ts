// Generating a pack from the Documents tab, in Chromium with es-MX (desktop) and ru-RU (390 px): the
// credit manager fills base values, overrides one field for one bank, chooses two banks and the
// internal documents, presses Generate pack, watches the progress, and sees each document done and
// attached to the deal; the portal (emulator) holds the documents on the deal, and the pack's manifest
// says which value came from the base and which from the bank's override. The outbox runs as in
// production (WORKER=on). Needs the pack routes and template uploads of issue 15 items 3–5.
// Screenshots go to $DOCUMENTS_TAB_SHOTS (default a temp dir).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentsTabPlacement } from '../placements/documents-tab.js';
import { DEMO_CATALOG } from '../scripts/demo/document-packs.js';
import { CHROMIUM_ARGS } from './frame-harness.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { para, run, wordDocx, wordSplit } from './support/docx-word-fixtures.js';
import { bankWithQuestionnaire, documentsApi } from './support/documents-tab-rig.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

const SHOTS = process.env.DOCUMENTS_TAB_SHOTS ?? join(tmpdir(), 'documents-tab-shots');

/** A questionnaire as a bank sends it, rebuilt in Word: placeholders split across runs. */
const questionnaire = (title: string) =>
  wordDocx({
    body: [
      para(run(title, { bold: true })),
      para(run('Solicitante / Заявитель: '), wordSplit('{{borrower.full_name}}')),
      para(run('Ingreso / Доход: '), wordSplit('{{borrower.monthly_income}}')),
      para(run('Plazo / Срок: '), wordSplit('{{loan.term_months}}')),
    ].join(''),
  });

const CASES = [
  {
    locale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    vp: { name: 'desktop', width: 1280, height: 900 },
    income: '28,500.00',
    done: 'listo',
    attached: 'adjunto a la negociación',
    generate: 'Generar paquete',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    vp: { name: 'phone', width: 390, height: 844 },
    income: '85 000,00',
    done: 'готов',
    attached: 'прикреплён к сделке',
    generate: 'Сформировать пакет',
  },
] as const;

describe('documents tab: generate a pack', () => {
  let p: Platform;
  let portalId: string;
  let browser: Browser;
  const banks: Record<'A' | 'B', string> = { A: '', B: '' };

  const rig = documentsApi(
    () => p,
    () => portalId,
  );
  const { api } = rig;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWidgetsBuilt();
    p = await startPlatform({ env: { WORKER: 'on' } });
    portalId = await p.install();
    await api('PUT', '/api/v1/documents/catalog/draft', { admin: true, body: { fields: DEMO_CATALOG } });
    await api('POST', '/api/v1/documents/catalog/publish', { admin: true });
    for (const name of ['A', 'B'] as const)
      banks[name] = await bankWithQuestionnaire(rig, `Banco ${name}`, questionnaire(`SOLICITUD BANCO ${name}`));
    const internal = new URLSearchParams({ fileName: 'pagare.docx', name: 'Pagaré', kind: 'pledge', lang: 'es' });
    await api('POST', `/api/v1/documents/templates/file?${internal.toString()}`, { admin: true, bytes: questionnaire('PAGARÉ') });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
  }, 60_000);

  for (const c of CASES) {
    it(`${c.locale} ${c.vp.name}: base values, one bank overridden, a two-bank pack generated with progress and attached to the deal`, async () => {
      const dealId = Number(
        await p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Pérez', OPPORTUNITY: '150000', CURRENCY_ID: c.currency } }),
      );
      const context = await browser.newContext({ locale: c.locale, viewport: { width: c.vp.width, height: c.vp.height } });
      const page = await context.newPage();
      const navigated = page.waitForEvent('framenavigated', {
        predicate: (f) => f.url().startsWith(`${p.a.url}${documentsTabPlacement.handlerPath}`),
      });
      await page.goto(`${p.em.url}/crm/deal/details/${dealId}/?tab=${documentsTabPlacement.handlerPath}&lang=${c.lang}`);
      const frame = await navigated;
      await frame.waitForSelector('main.dt-app[data-ready="yes"]');
      const input = (code: string) => frame.locator(`.dt-field[data-code="${code}"] input`).first();
      const leave = async (code: string, value: string) => {
        await input(code).fill(value);
        await input(code).press('Tab');
        await expect.poll(() => frame.locator(`.dt-field[data-code="${code}"] input`).first().isDisabled()).toBe(false);
      };
      await leave('borrower.full_name', 'Ana López');
      await leave('borrower.monthly_income', c.income);
      await leave('loan.term_months', '12');
      await frame.locator('.dt-scope__tab', { hasText: 'Banco B' }).click();
      await leave('loan.term_months', '18');
      await expect.poll(() => frame.locator('.dt-field[data-code="loan.term_months"] .dt-badge--override').count()).toBe(1);

      // Both banks are chosen by default, with the internal documents.
      expect(await frame.locator('.dt-pack-form input[type=checkbox]:checked').count()).toBe(3);
      await frame.locator('.dt-generate', { hasText: c.generate }).click();
      const pack = frame.locator('.dt-pack').first();
      await expect.poll(() => pack.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
      expect((await pack.locator('.dt-pack__head .dt-badge').innerText()).trim()).toBe(c.done);
      const docs = pack.locator('.dt-doc');
      expect(await docs.count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await docs.nth(i).innerText()).toContain(c.attached);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-pack.png`), fullPage: true });
      // The preview opens in a new browser tab: the first page as an image, fetched with the session.
      const opened = context.waitForEvent('page');
      await docs.nth(1).locator('.dt-link').nth(1).click();
      const preview = await opened;
      expect(preview.url()).toMatch(/^blob:/);
      await preview.close();

      // The portal holds the three documents on the deal; the manifest tells base from override.
      // The emulator's document generator state (crm.documentgenerator.document.upload), as h/packs teaches it.
      const generated = (p.em.state as { generatedDocuments?: { entityId: number; title: string }[] }).generatedDocuments ?? [];
      const onDeal = generated.filter((d) => d.entityId === dealId).map((d) => d.title);
      expect(onDeal).toEqual(['Solicitud Banco A', 'Solicitud Banco B', 'Pagaré']);
      const { packs } = await api<{ packs: { id: string }[] }>('GET', `/api/v1/deals/${dealId}/documents/packs`, { dealId });
      const manifest = await api<{ documents: { bankId: string | null; fields: Record<string, string> }[] }>(
        'GET',
        `/api/v1/deals/${dealId}/documents/packs/${packs[0]!.id}/manifest`,
        { dealId },
      );
      expect(manifest.documents.find((d) => d.bankId === banks.A)!.fields['loan.term_months']).toBe('base');
      expect(manifest.documents.find((d) => d.bankId === banks.B)!.fields['loan.term_months']).toBe('override');
      await context.close();
    }, 150_000);
  }
});
