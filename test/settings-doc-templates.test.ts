// The document templates screen of the app page, in a real browser as a portal admin in es-MX and
// ru-RU browser locales, on a desktop and at 390 × 844: a .docx chosen in the file input with a
// misspelt placeholder is refused with the nearest valid code, one with macros, a zip bomb and an 11 MB
// file are refused, all in the admin's language and keeping the bank, name and file chosen; a good one is stored as version 1 with
// the placeholders found, a changed one as version 2, and the bank's list shows both versions with
// date, uploader and a short sha256. Every check reads what is on screen; screenshots in /tmp/shots-docsadmin/.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { para, run, wordDocx } from './support/docx-word-fixtures.js';
import { twoFieldCatalog } from './support/doc-catalog-fixture.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const SHOTS = '/tmp/shots-docsadmin';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    bank: 'Banco Azteca Demo',
    name: 'Solicitud de crédito',
    unknown: 'campo desconocido',
    didYouMean: '¿quiso decir borrower.full_name?',
    macros: 'La plantilla contiene macros',
    bomb: 'El archivo se descomprime en muchos más datos',
    tooLarge: 'El archivo pesa 11.0 MB; se aceptan hasta 10.0 MB.',
    stored: 'Se guardó la versión',
    found: 'Marcadores encontrados: borrower.full_name, loan.amount',
    user: 'usuario #1',
    archive: 'Archivar',
    confirm:
      '¿Archivar «{name}»? Los paquetes nuevos ya no la incluirán; los paquetes ya generados conservan su versión. Puede restaurarla después.',
    archiveYes: 'Sí, archivar',
    cancel: 'Cancelar',
    archivedDone: '«{name}» quedó archivada.',
    archivedTitle: 'Plantillas archivadas',
    restore: 'Restaurar',
    restoredDone: '«{name}» vuelve a usarse en paquetes nuevos.',
    contract: 'Contrato de crédito',
    deals: 'negociaciones en MXN',
    dealsEdited: 'negociaciones en MXN, USD',
    notCode: 'No es un código de moneda (tres letras, p. ej. MXN): pesos',
    dealsDone: '«{name}» ahora es para: negociaciones en MXN, USD.',
    currency: 'mxn',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    bank: 'Банк «Восток»',
    name: 'Анкета заёмщика',
    unknown: 'неизвестное поле',
    didYouMean: 'возможно, имелось в виду borrower.full_name',
    macros: 'В шаблоне есть макросы',
    bomb: 'Файл распаковывается в гораздо больший объём',
    tooLarge: 'Файл весит 11,0 МБ, допускается не больше 10,0 МБ.',
    stored: 'Версия',
    found: 'Найденные метки: borrower.full_name, loan.amount',
    user: 'пользователь #1',
    archive: 'В архив',
    confirm:
      'Отправить «{name}» в архив? Новые пакеты перестанут его включать; уже созданные пакеты сохранят свою версию. Шаблон можно вернуть.',
    archiveYes: 'Да, в архив',
    cancel: 'Отмена',
    archivedDone: '«{name}» в архиве.',
    archivedTitle: 'Шаблоны в архиве',
    restore: 'Вернуть',
    restoredDone: '«{name}» снова используется в новых пакетах.',
    contract: 'Договор займа',
    deals: 'сделки в RUB',
    dealsEdited: 'сделки в RUB, USD',
    notCode: 'Не код валюты (три буквы, например RUB): pesos',
    dealsDone: '«{name}» теперь для: сделки в RUB, USD.',
    currency: 'rub',
  },
] as const;

const ADMIN_NAME = 'Portal Admin';

const docx = (...texts: string[]) => Buffer.from(wordDocx({ body: texts.map((x) => para(run(x))).join('') }));

describe('the document templates on the app page', () => {
  let portal: SettingsPortal;
  const bankIds: Record<string, string> = {};

  const api = <T>(method: string, path: string, body?: unknown): Promise<T> => portal.adminApi<T>(method, path, body);

  /** The templates screen in a browser of the case's locale, on a desktop or at 390 × 844; the browser closes after `use`. */
  async function onTemplatesScreen(
    c: (typeof cases)[number],
    phone: boolean,
    use: (screen: { page: Page; frame: Frame; section: Locator; form: Locator }) => Promise<void>,
  ): Promise<void> {
    const browser: Browser = await launchChromium({ locale: c.locale });
    try {
      const page = await browser.context.newPage();
      if (phone) await page.setViewportSize({ width: 390, height: 844 });
      const frame = await portal.open(page, c.lang, '[data-testid="doc-templates"][data-ready="yes"]');
      const section = frame.locator('[data-testid="doc-templates"]');
      await use({ page, frame, section, form: section.locator('[data-testid="template-upload"]') });
    } finally {
      await browser.close();
    }
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    portal = await startSettingsPortal();
    await api('PUT', '/api/v1/documents/catalog/draft', { fields: twoFieldCatalog });
    await api('POST', '/api/v1/documents/catalog/publish');
    for (const c of cases) {
      const body = { name: c.bank, emails: [], replySenders: [], phones: [], requiredFields: [] };
      bankIds[c.lang] = (await api<{ bank: { id: string } }>('POST', '/api/v1/documents/banks', body)).bank.id;
    }
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: the nearest code for a misspelt placeholder; macros, a zip bomb, 11 MB refused; two versions listed`, async () => {
        await onTemplatesScreen(c, phone, async ({ page, frame, section, form }) => {
          const name = `${c.name} ${size}`;
          const file = form.locator('[name="template-file"]');
          const choose = (fileName: string, buffer: Buffer) => file.setInputFiles({ name: fileName, mimeType: DOCX, buffer });

          await form.locator('[name="template-bank"]').selectOption(bankIds[c.lang]!);
          await form.locator('[name="template-name"]').fill(name);
          await choose('solicitud.docx', docx('Nombre: {{borrower.ful_name}}', 'Monto: {{loan.amount}}'));
          await form.locator('[name="template-upload"]').click();
          const refused = form.locator('[data-testid="template-refused"]');
          await refused.waitFor();
          const problem = refused.locator('li[data-kind="unknown-code"]');
          expect(await problem.innerText()).toContain('{{borrower.ful_name}}');
          expect(await problem.innerText()).toContain(c.unknown);
          expect(await problem.innerText()).toContain(c.didYouMean);
          // The choice stays: bank, name and the file itself.
          expect(await form.locator('[name="template-bank"]').inputValue()).toBe(bankIds[c.lang]);
          expect(await form.locator('[name="template-name"]').inputValue()).toBe(name);
          expect(await file.evaluate((el) => (el as HTMLInputElement).files?.[0]?.name)).toBe('solicitud.docx');
          await section.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-nearest-code.png` });

          await choose(
            'macros.docx',
            Buffer.from(wordDocx({ body: para(run('x')), extraParts: { 'word/vbaProject.bin': new Uint8Array(8) } })),
          );
          await form.locator('[name="template-upload"]').click();
          await expect.poll(() => refused.getAttribute('data-code')).toBe('TEMPLATE_MACROS');
          expect(await refused.innerText()).toContain(c.macros);

          const bomb = wordDocx({ body: para(run('x')), extraParts: { 'word/media/zeros.bin': new Uint8Array(50 * 1024 * 1024) } });
          await choose('bomba.docx', Buffer.from(bomb));
          await form.locator('[name="template-upload"]').click();
          await expect.poll(() => refused.getAttribute('data-code')).toBe('TEMPLATE_ZIP_BOMB');
          expect(await refused.innerText()).toContain(c.bomb);

          await choose('grande.docx', Buffer.alloc(11 * 1024 * 1024));
          await form.locator('[name="template-upload"]').click();
          await expect.poll(() => refused.getAttribute('data-code')).toBe('TEMPLATE_TOO_LARGE');
          expect(await refused.innerText()).toContain(c.tooLarge);
          expect(await form.locator('[name="template-name"]').inputValue()).toBe(name);
          await form.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-too-large.png` });

          await choose('solicitud.docx', docx(`${size}: {{borrower.full_name}}`, 'Monto: {{loan.amount}}'));
          await form.locator('[name="template-upload"]').click();
          const stored = form.locator('[data-testid="template-stored"]');
          await stored.waitFor();
          expect(await stored.innerText()).toContain(`${c.stored} 1`);
          expect(await stored.locator('[data-testid="template-placeholders"]').innerText()).toBe(c.found);

          const second = docx(`${size} v2: {{borrower.full_name}}`, '{{loan.amount}}', '{{loan.amount}}');
          await choose('solicitud-v2.docx', second);
          await form.locator('[name="template-upload"]').click();
          await expect.poll(() => stored.innerText()).toContain(`${c.stored} 2`);
          const card = section.locator(`[data-bank="${bankIds[c.lang]}"] [data-template="${name}"]`);
          await expect.poll(() => card.locator('tr[data-version]').count()).toBe(2);
          const newest = card.locator('tr[data-version="2"]');
          const sha = createHash('sha256').update(second).digest('hex').slice(0, 12);
          expect(await newest.innerText()).toContain(sha);
          // The uploader by name, as the portal's user.get gives it (user 1 of the emulator's demo portal).
          expect(await newest.locator('td').nth(2).innerText()).toBe(ADMIN_NAME);
          expect(await newest.innerText()).toContain('solicitud-v2.docx');
          expect(await newest.innerText()).toMatch(/\d{2}[./]\d{2}[./]\d{4}/u);

          const sideways = (doc: Frame | Page) =>
            doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          await section.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-versions.png` });

          // Archive asks first; Cancel keeps it. Confirmed, it leaves the bank's list for the archived
          // one (with its bank named); Restore brings it back.
          const say = (text: string) => text.replace('{name}', name);
          await card.locator('[name="template-archive"]').click();
          const confirm = card.locator('[data-testid="archive-confirm"]');
          expect(await confirm.locator('p').innerText()).toBe(say(c.confirm));
          expect(await confirm.locator('[name="template-archive-yes"]').innerText()).toBe(c.archiveYes.toUpperCase());
          await section.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-archive-confirm.png` });
          await confirm.locator('[name="template-archive-cancel"]').click();
          await expect.poll(() => confirm.count()).toBe(0);
          expect(await card.locator('[name="template-archive"]').innerText()).toBe(c.archive);
          await card.locator('[name="template-archive"]').click();
          await confirm.locator('[name="template-archive-yes"]').click();
          const archivedList = section.locator('[data-testid="templates-archived"]');
          const archivedCard = archivedList.locator(`[data-template="${name}"]`);
          await archivedCard.waitFor();
          expect(await card.count()).toBe(0);
          expect(await section.locator('[data-testid="template-archive-done"]').innerText()).toBe(say(c.archivedDone));
          expect(await archivedList.locator('h3').innerText()).toBe(c.archivedTitle);
          expect(await archivedCard.locator('h4').innerText()).toContain(c.bank);
          const listed = await portal.adminApi<{ templates: { name: string; archived: boolean }[] }>(
            'GET',
            '/api/v1/documents/templates?archived=true',
          );
          expect(listed.templates.find((x) => x.name === name)?.archived).toBe(true);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          await section.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-archived.png` });
          expect(await archivedCard.locator('[name="template-restore"]').innerText()).toBe(c.restore);
          await archivedCard.locator('[name="template-restore"]').click();
          await card.waitFor();
          expect(await section.locator('[data-testid="template-archive-done"]').innerText()).toBe(say(c.restoredDone));
          expect(await card.locator('tr[data-version]').count()).toBe(2);
          await page.close();
        });
      }, 120_000);
    }
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: an internal contract names the deals it is for by currency; the card shows and changes them`, async () => {
        await onTemplatesScreen(c, phone, async ({ page, frame, section, form }) => {
          const name = `${c.contract} ${size}`;
          await form.locator('[name="template-bank"]').selectOption('');
          await form.locator('[name="template-name"]').fill(name);
          await form.locator('[name="template-kind"]').selectOption('contract');
          await form.locator('[name="template-deal-currencies"]').fill(c.currency);
          await form
            .locator('[name="template-file"]')
            .setInputFiles({ name: 'contrato.docx', mimeType: DOCX, buffer: docx(`${size}: {{borrower.full_name}}`) });
          await form.locator('[name="template-upload"]').click();
          await form.locator('[data-testid="template-stored"]').waitFor();
          const card = section.locator(`[data-bank="internal"] [data-template="${name}"]`);
          const deals = card.locator('[data-testid="template-deals"] span');
          expect(await deals.innerText()).toBe(c.deals);
          await card.locator('[name="template-deals-edit"]').click();
          const edit = card.locator('[data-testid="template-deals-edit"]');
          const input = edit.locator('[name="template-deals"]');
          expect(await input.inputValue()).toBe(c.currency.toUpperCase());
          // A word that is not a code is named beside the input, nothing saved.
          await input.fill(`${c.currency.toUpperCase()}, pesos`);
          await edit.locator('[name="template-deals-save"]').click();
          expect(await edit.locator('.st-field__error').innerText()).toBe(c.notCode);
          await section.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-deals-error.png` });
          await input.fill(`${c.currency.toUpperCase()} usd`);
          await edit.locator('[name="template-deals-save"]').click();
          await expect.poll(() => edit.count()).toBe(0);
          expect(await deals.innerText()).toBe(c.dealsEdited);
          expect(await section.locator('[data-testid="template-deals-done"]').innerText()).toBe(c.dealsDone.replace('{name}', name));
          const listed = await api<{ templates: { name: string; dealCurrencies?: string[] }[] }>('GET', '/api/v1/documents/templates');
          expect(listed.templates.find((x) => x.name === name)?.dealCurrencies).toEqual([c.currency.toUpperCase(), 'USD']);
          expect(
            await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
          ).toBeLessThanOrEqual(0);
          await section.screenshot({ path: `${SHOTS}/templates-${c.lang}-${size}-deals.png` });
          await page.close();
        });
      }, 120_000);
    }
  }

  it('a portal that refuses user.get (installed before the app asked for user_brief): the uploader shows as the user id', async () => {
    // The tokens of such a portal carry no user scope; the emulator answers user.get with insufficient_scope.
    const tokens = portal.em.state.tokens;
    for (const rec of [...Object.values(tokens.access), ...Object.values(tokens.refresh)])
      rec.scope = rec.scope.filter((x) => !x.startsWith('user'));
    for (const c of cases) {
      const browser: Browser = await launchChromium({ locale: c.locale });
      try {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 390, height: 844 });
        const frame = await portal.open(page, c.lang, '[data-testid="doc-templates"][data-ready="yes"]');
        const card = frame.locator(`[data-bank="${bankIds[c.lang]}"] [data-template="${c.name} 390"]`);
        await expect.poll(() => card.locator('tr[data-version]').count()).toBe(2);
        expect(await card.locator('tr[data-version="2"] td').nth(2).innerText()).toBe(c.user);
        await card.screenshot({ path: `${SHOTS}/templates-${c.lang}-390-uploader-id.png` });
        await page.close();
      } finally {
        await browser.close();
      }
    }
    expect(portal.em.stats().rejected.insufficient_scope).toBeGreaterThan(0);
  }, 120_000);
});
