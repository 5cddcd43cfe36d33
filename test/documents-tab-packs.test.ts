// Generating a pack from the Documents tab, in Chromium with es-MX (desktop) and ru-RU (390 px): the
// credit manager fills base values, overrides one field for one bank, chooses two banks and the
// internal documents, presses Generate pack, watches the progress, and sees each document done and
// attached to the deal; the portal (emulator) holds the documents on the deal, and the pack's manifest
// says which value came from the base and which from the bank's override. The outbox runs as in
// production (WORKER=on). Needs the pack routes and template uploads of issue 15 items 3–5.
// Screenshots go to $DOCUMENTS_TAB_SHOTS (default a temp dir).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { para, run, wordDocx, wordSplit } from './support/docx-word-fixtures.js';
import type { Frame } from 'playwright-core';
import {
  addBank,
  bankWithQuestionnaire,
  DOCUMENTS_TAB_SHOTS as SHOTS,
  openDocumentsTab,
  useDocumentsTabRig,
} from './support/documents-tab-rig.js';
import { deliverJobKey } from '../server/documents/packs/job-keys.js';

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
    // The pack's documents: both banks', this deal's contract (never the other country's), the pledge of any deal.
    documents: ['Solicitud Banco A', 'Solicitud Banco B', 'Contrato de crédito', 'Pagaré'],
    // The pack's time in the tab's date digits (DD/MM/AAAA), a 24-hour clock.
    when: /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/u,
    done: 'listo',
    attached: 'adjunto a la negociación',
    generate: 'Generar paquete',
    retry: 'Reintentar',
    deliveryDied:
      'El documento está hecho, pero tras varios intentos no se pudo adjuntar a la negociación; descárguelo aquí o pulse «Reintentar».',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    vp: { name: 'phone', width: 390, height: 844 },
    income: '85 000,00',
    documents: ['Solicitud Banco A', 'Solicitud Banco B', 'Pagaré', 'Договор займа'],
    when: /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/u,
    done: 'готов',
    attached: 'прикреплён к сделке',
    generate: 'Сформировать пакет',
    retry: 'Повторить',
    deliveryDied:
      'Документ сформирован, но после нескольких попыток его не удалось прикрепить к сделке; скачайте его здесь или нажмите «Повторить».',
  },
] as const;

describe('documents tab: generate a pack', () => {
  const banks: Record<'A' | 'B', string> = { A: '', B: '' };

  const rig = useDocumentsTabRig({ env: { WORKER: 'on' } });
  const { api } = rig;

  beforeAll(async () => {
    for (const name of ['A', 'B'] as const)
      banks[name] = await bankWithQuestionnaire(rig, `Banco ${name}`, questionnaire(`SOLICITUD BANCO ${name}`));
    const internal = new URLSearchParams({ fileName: 'pagare.docx', name: 'Pagaré', kind: 'pledge', lang: 'es' });
    await api('POST', `/api/v1/documents/templates/file?${internal.toString()}`, { admin: true, bytes: questionnaire('PAGARÉ') });
    // Each country's contract, named for its deals' currency: a pack takes only its deal's one.
    for (const [name, lang, dealCurrencies] of [
      ['Contrato de crédito', 'es', 'MXN'],
      ['Договор займа', 'ru', 'RUB'],
    ] as const) {
      const q = new URLSearchParams({ fileName: `${lang}.docx`, name, kind: 'contract', lang, dealCurrencies });
      await api('POST', `/api/v1/documents/templates/file?${q.toString()}`, { admin: true, bytes: questionnaire(name.toUpperCase()) });
    }
  }, 180_000);

  for (const c of CASES) {
    it(`${c.locale} ${c.vp.name}: base values, one bank overridden, a two-bank pack generated with progress and attached to the deal`, async () => {
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Pérez', OPPORTUNITY: '150000', CURRENCY_ID: c.currency } }),
      );
      const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { ...c, ...c.vp, dealId });
      const context = page.context();
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
      expect((await pack.locator('.dt-pack__head > span').first().innerText()).trim()).toMatch(c.when);
      const docs = pack.locator('.dt-doc');
      expect(await docs.count()).toBe(4);
      const listed = await pack.locator('.dt-doc__name').allInnerTexts();
      expect(listed.map((n) => n.split(' · ')[0]!.trim())).toEqual(c.documents);
      for (let i = 0; i < 4; i++) expect(await docs.nth(i).innerText()).toContain(c.attached);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-pack.png`), fullPage: true });
      // The preview opens in a new browser tab: the first page as an image, fetched with the session.
      const opened = context.waitForEvent('page');
      await docs.nth(1).locator('.dt-link').nth(1).click();
      const preview = await opened;
      expect(preview.url()).toMatch(/^blob:/);
      await preview.close();

      // The portal holds the three documents on the deal; the manifest tells base from override.
      // The emulator's document generator state (crm.documentgenerator.document.upload), as h/packs teaches it.
      const generated = (rig.p.em.state as { generatedDocuments?: { entityId: number; title: string }[] }).generatedDocuments ?? [];
      const onDeal = generated.filter((d) => d.entityId === dealId).map((d) => d.title);
      expect(onDeal).toEqual(c.documents);
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
  for (const [c, vp] of [
    [CASES[0], { name: 'phone', width: 390, height: 844 }],
    [CASES[1], { name: 'desktop', width: 1280, height: 900 }],
  ] as const) {
    it(`${c.locale} ${vp.name}: a document whose delivery died shows failed with the reason and Retry; Retry attaches it, nothing twice`, async () => {
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Ruiz', OPPORTUNITY: '90000', CURRENCY_ID: c.currency } }),
      );
      await api('POST', `/api/v1/deals/${dealId}/documents/application`, { dealId });
      await api('PUT', `/api/v1/deals/${dealId}/documents/values`, { dealId, body: { values: { 'borrower.full_name': 'Ana Ruiz' } } });
      const started = await api<{ pack: { id: string } }>('POST', `/api/v1/deals/${dealId}/documents/packs`, {
        dealId,
        body: { bankIds: [banks.A], internal: false },
      });
      const packId = started.pack.id;
      await expect
        .poll(
          async () =>
            (await api<{ pack: { status: string } }>('GET', `/api/v1/deals/${dealId}/documents/packs/${packId}`, { dealId })).pack.status,
          {
            timeout: 90_000,
          },
        )
        .toBe('done');
      // What a delivery job that died in the middle of attaching leaves: the step in flight, the job a
      // dead letter after its last attempt, the pack never final.
      const db = rig.p.a.app.db.kysely;
      await db
        .updateTable('document_pack_documents')
        .set({ attach_state: 'attaching', attached_as: null })
        .where('portal_id', '=', rig.portalId)
        .where('pack_id', '=', packId)
        .execute();
      await db
        .updateTable('document_packs')
        .set({ status: 'generating' })
        .where('portal_id', '=', rig.portalId)
        .where('id', '=', packId)
        .execute();
      await db
        .updateTable('outbox_jobs')
        .set({ status: 'dead', last_error: 'PortalCallError: 503' })
        .where('portal_id', '=', rig.portalId)
        .where('idempotency_key', '=', deliverJobKey(packId, 0))
        .execute();

      const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { locale: c.locale, lang: c.lang, ...vp, dealId });
      const doc = frame.locator('.dt-pack').first().locator('.dt-doc').first();
      expect(await frame.locator('.dt-pack').first().getAttribute('data-status')).toBe('done');
      expect((await doc.locator('.dt-doc__message').innerText()).trim()).toBe(c.deliveryDied);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-delivery-died.png`), fullPage: true });
      await doc.locator('.dt-retry', { hasText: c.retry }).click();
      await expect.poll(() => doc.innerText(), { timeout: 90_000 }).toContain(c.attached);
      await expect.poll(() => doc.locator('.dt-retry').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-retried.png`), fullPage: true });
      // The retried delivery found the document it had already uploaded: one on the deal, not two.
      const generated = (rig.p.em.state as { generatedDocuments?: { entityId: number }[] }).generatedDocuments ?? [];
      expect(generated.filter((d) => d.entityId === dealId)).toHaveLength(1);
      await page.context().close();
    }, 150_000);
  }

  // Last in the file: the banks it adds would be pre-ticked in the tests above.
  it("pre-ticks only the banks of the deal's currency (es-MX and ru-RU, desktop and 390 px); a bank the deal chose stays ticked", async () => {
    await addBank(rig, { name: 'Banco del Valle', emails: ['credito@valle.example'], dealCurrencies: ['MXN'] });
    const vostok = await addBank(rig, { name: 'Банк Восток', emails: ['credit@vostok.example'], dealCurrencies: ['RUB'] });
    const ticks = async (frame: Frame) => {
      const labels = frame.locator('.dt-pack-form label.dt-check');
      const out: Record<string, boolean> = {};
      for (let i = 0; i < (await labels.count()); i++)
        out[(await labels.nth(i).innerText()).trim()] = await labels.nth(i).locator('input').isChecked();
      return out;
    };
    for (const c of CASES) {
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', {
          fields: { TITLE: `Crédito ${c.currency}`, OPPORTUNITY: '90000', CURRENCY_ID: c.currency },
        }),
      );
      const mx = c.currency === 'MXN';
      for (const vp of [CASES[0].vp, CASES[1].vp]) {
        const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { locale: c.locale, lang: c.lang, ...vp, dealId });
        // The banks without currencies (A, B) take any deal; each country's bank only its own.
        expect(await ticks(frame)).toMatchObject({ 'Banco A': true, 'Banco B': true, 'Banco del Valle': mx, 'Банк Восток': !mx });
        await frame.locator('.dt-pack-form').screenshot({ path: join(SHOTS, `${c.locale}-${vp.name}-pack-banks.png`) });
        await page.context().close();
      }
      if (!mx) continue;
      // An override stored for the Russian bank on this peso deal: the deal chose it, so it stays ticked.
      await api('PUT', `/api/v1/deals/${dealId}/documents/values`, {
        dealId,
        body: { bankId: vostok, values: { 'loan.term_months': 18 } },
      });
      const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { locale: c.locale, lang: c.lang, ...c.vp, dealId });
      expect(await ticks(frame)).toMatchObject({ 'Banco del Valle': true, 'Банк Восток': true });
      await page.context().close();
    }
  }, 150_000);
});
