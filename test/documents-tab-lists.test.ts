// A list field in the Documents tab as a credit manager fills it, in Chromium with es-MX (desktop and
// 390 px) and ru-RU (390 px and desktop): two co-borrowers added row by row, their incomes typed the
// way the user's language writes them ("15,000.50", "15 000,50") and dates too; for one bank the list
// is overridden (another income), the badge says so; the pack made for both banks holds both rows in
// each bank's questionnaire (the demo's, with its repeated table row), each bank with its own values.
// The outbox runs as in production (WORKER=on); previews are off (not what this test is about).
// Screenshots go to $DOCUMENTS_TAB_SHOTS (default a temp dir).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { questionnaire } from '../scripts/demo/document-templates.js';
import { docxParts } from './support/docx-word-fixtures.js';
import { bankWithQuestionnaire, DOCUMENTS_TAB_SHOTS as SHOTS, openDocumentsTab, useDocumentsTabRig } from './support/documents-tab-rig.js';

const LANGS = [
  {
    locale: 'es-MX',
    lang: 'es',
    currency: 'MXN',
    incomes: ['15,000.50', '12,000.00'],
    override: '9,500.00',
    birth: '22/04/1991',
    // A day that does not exist in the second co-borrower's birth date: that cell alone is refused.
    noSuchDay: { typed: '31/02/1985', says: ['fila 2', '«Fecha de nacimiento»', 'una fecha que exista, p. ej. 31/12/1985.'] },
    inherited: 'de la base',
    overridden: 'sobrescrito',
    add: 'Agregar fila',
    row2: 'Fila 2',
    generate: 'Generar paquete',
    fromDeal: 'Si se deja vacío, el documento lo toma de la negociación en Bitrix24.',
    typed: 'Escrito aquí: se usa en lugar de Bitrix24 o del préstamo.',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    currency: 'RUB',
    incomes: ['15 000,50', '12 000,00'],
    override: '9 500,00',
    birth: '22.04.1991',
    noSuchDay: { typed: '31.02.1985', says: ['строка 2', '«Дата рождения»', 'существующая дата, например 31.12.1985.'] },
    inherited: 'из базовых',
    overridden: 'переопределено',
    add: 'Добавить строку',
    row2: 'Строка 2',
    generate: 'Сформировать пакет',
    fromDeal: 'Если оставить пустым, документ возьмёт значение из сделки в Битрикс24.',
    typed: 'Введено здесь: используется вместо Битрикс24 или займа.',
  },
] as const;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const CASES = LANGS.flatMap((l) => VIEWPORTS.map((vp) => ({ ...l, vp })));

const NAMES = ['Laura Méndez Ortiz', 'Raúl Gómez Ruiz'];

describe('documents tab: list fields (co-borrowers)', () => {
  const banks: Record<'A' | 'B', string> = { A: '', B: '' };

  const rig = useDocumentsTabRig({ env: { WORKER: 'on', DOCUMENT_PREVIEW: 'off' } });
  const { api, call } = rig;

  beforeAll(async () => {
    for (const name of ['A', 'B'] as const)
      banks[name] = await bankWithQuestionnaire(rig, `Banco ${name}`, questionnaire('es', `Banco ${name}`));
  }, 180_000);

  const text = (s: string) => s.replace(/\u00a0|\u202f/g, ' ').trim();

  for (const c of CASES) {
    it(`${c.locale} ${c.vp.name}: two co-borrowers typed row by row, one bank's list overridden, both rows in each bank's document`, async () => {
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Pérez', OPPORTUNITY: '150000', CURRENCY_ID: c.currency } }),
      );
      const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { ...c, ...c.vp, dealId });
      const list = frame.locator('.dt-field[data-code="coborrowers"]');
      const cell = (row: number, item: string) =>
        list.locator(`.dt-list__row[data-row="${row}"] .dt-list__cell[data-item="${item}"] input`);
      const leave = async (row: number, item: string, value: string) => {
        await cell(row, item).fill(value);
        await cell(row, item).press('Tab');
        await expect.poll(() => list.locator('.dt-list__add').isDisabled()).toBe(false);
      };

      // Two rows added; nothing is stored until a cell has a value.
      await list.locator('.dt-list__add', { hasText: c.add }).click();
      await list.locator('.dt-list__add').click();
      expect(text(await list.locator('.dt-list__row[data-row="1"] .dt-list__number').innerText())).toBe(c.row2);
      await leave(0, 'name', NAMES[0]!);
      await leave(0, 'birth_date', c.birth);
      await leave(0, 'income', c.incomes[0]);
      await leave(1, 'name', NAMES[1]!);
      await leave(1, 'income', c.incomes[1]);
      await expect.poll(() => list.locator('.dt-list__row[data-saved="yes"]').count()).toBe(2);
      expect(text(await cell(0, 'income').inputValue())).toBe(c.incomes[0]);
      expect(await cell(0, 'birth_date').inputValue()).toBe(c.birth);
      const stored = await api<{ base: Record<string, unknown> }>('GET', `/api/v1/deals/${dealId}/documents/values`, { dealId });
      expect(stored.base.coborrowers).toEqual([
        { name: NAMES[0], birth_date: '1991-04-22', income: { amount: '15000.50', currency: c.currency } },
        { name: NAMES[1], income: { amount: '12000.00', currency: c.currency } },
      ]);
      // A day that does not exist: only that cell is marked, its message beside it with a past example;
      // the row's other cells and the list stay as they were, the typed text stays to be fixed.
      await cell(1, 'birth_date').fill(c.noSuchDay.typed);
      await cell(1, 'birth_date').press('Tab');
      const refused = list.locator('.dt-list__row[data-row="1"] .dt-list__cell--error');
      await expect.poll(() => refused.count()).toBe(1);
      expect(await refused.getAttribute('data-item')).toBe('birth_date');
      const says = text(await refused.locator('.dt-list__error').innerText());
      for (const part of c.noSuchDay.says) expect(says).toContain(part);
      expect(await list.getAttribute('class')).not.toContain('dt-field--error');
      expect(await list.locator('.dt-list__cell--error').count()).toBe(1);
      expect(await cell(1, 'birth_date').inputValue()).toBe(c.noSuchDay.typed);
      await page.screenshot({ path: join(SHOTS, `lists-${c.locale}-${c.vp.name}-no-such-day.png`), fullPage: true });
      await leave(1, 'birth_date', c.birth);
      await expect.poll(() => list.locator('.dt-list__cell--error').count()).toBe(0);

      // A field whose value Bitrix24 gives says so while it is empty, and that a typed one wins.
      const title = frame.locator('.dt-field[data-code="deal.title"]');
      expect(text(await title.locator('.dt-source').innerText())).toBe(c.fromDeal);
      await title.locator('input').fill('Crédito Pérez — revisado');
      await title.locator('input').press('Tab');
      await expect.poll(async () => text(await title.locator('.dt-source').innerText())).toBe(c.typed);
      await page.screenshot({ path: join(SHOTS, `lists-${c.locale}-${c.vp.name}-base.png`), fullPage: true });

      // Banco B: the list is inherited; another income for the second co-borrower overrides it whole.
      await frame.locator('.dt-scope__tab', { hasText: 'Banco B' }).click();
      expect(text(await list.locator('.dt-badge').innerText())).toBe(c.inherited);
      await leave(1, 'income', c.override);
      await expect.poll(async () => text(await list.locator('.dt-badge').innerText())).toBe(c.overridden);
      expect(text(await cell(1, 'income').inputValue())).toBe(c.override);
      await page.screenshot({ path: join(SHOTS, `lists-${c.locale}-${c.vp.name}-override.png`), fullPage: true });

      await frame.locator('.dt-generate', { hasText: c.generate }).click();
      const pack = frame.locator('.dt-pack').first();
      await expect.poll(() => pack.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
      const { packs } = await api<{ packs: { id: string; documents: { bankId: string | null }[] }[] }>(
        'GET',
        `/api/v1/deals/${dealId}/documents/packs`,
        { dealId },
      );
      for (const [i, d] of packs[0]!.documents.entries()) {
        const r = await call('GET', `/api/v1/deals/${dealId}/documents/packs/${packs[0]!.id}/documents/${i}/file`, { dealId });
        const xml = (await docxParts(new Uint8Array(await r.arrayBuffer())))['word/document.xml']!;
        const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
        // The header row, then one row per co-borrower: the second one's income is the bank's own.
        expect(rows.filter((r) => NAMES.some((n) => r.includes(n)))).toHaveLength(2);
        const second = rows.find((r) => r.includes(NAMES[1]!))!;
        expect(second, String(d.bankId)).toContain(d.bankId === banks.B ? '9,500.00' : '12,000.00');
      }
      await page.context().close();
    }, 150_000);
  }
});
