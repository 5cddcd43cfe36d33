// The app page as a portal admin met it in the demo trial, in a real browser in es-MX and ru-RU browser
// locales, on a desktop and at 390 × 844: the demo's mail settings (SMTP with its password, an IMAP
// mailbox without one) save as shown, the mailbox marked as not read; a fake .docx is refused in the
// admin's language only; a bank's required fields are grouped under the catalog's section names and
// each check box is named by its label; an SMSC address with a port is refused beside the field with
// what was typed kept; a blank company name is refused beside the field. Every check reads what is on
// screen; screenshots in /tmp/shots-admin-trial/.
import { mkdirSync } from 'node:fs';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveMailSettings } from '../server/mail/settings/mail-settings-repo.js';
import type { CatalogField } from '../wire/document-catalog.js';
import type { MailSettingsReply } from '../wire/mail-settings.js';
import { launchChromium, type Browser } from './frame-harness.js';
import { twoFieldCatalog } from './support/doc-catalog-fixture.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';

const SHOTS = '/tmp/shots-admin-trial';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The shared two-field catalog with its sections written as the demo's catalog writes them: codes the screens name in the admin's language. */
const catalog: CatalogField[] = twoFieldCatalog.map((f) => ({ ...f, section: f.code.split('.')[0]! }));

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    saved: 'Guardado',
    imapUnread: 'Sin contraseña este buzón no se lee: las respuestas de los bancos no llegan a la aplicación',
    notDocx: 'No es un documento de Word .docx. Ábralo en Word y guárdelo como «Documento de Word (*.docx)».',
    sections: ['Solicitante (0 de 1)', 'Crédito (0 de 1)'],
    field: 'Nombre del acreditado',
    count: '1 elegidos',
    badHost: 'Un nombre de host o dirección IP, sin puerto ni espacios',
    blankName: 'Escriba el nombre: con él se firman los SMS de recordatorio y lo dicen los guiones de llamada',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    saved: 'Сохранено',
    imapUnread: 'Без пароля ящик не читается: ответы банков не попадут в приложение',
    notDocx: 'Это не документ Word .docx. Откройте его в Word и сохраните как «Документ Word (*.docx)».',
    sections: ['Заёмщик (0 из 1)', 'Кредит (0 из 1)'],
    field: 'ФИО заёмщика',
    count: 'Выбрано: 1',
    badHost: 'Имя хоста или IP-адрес, без порта и пробелов',
    blankName: 'Введите название: им подписываются SMS-напоминания и его называют скрипты звонков',
  },
] as const;

type Case = (typeof cases)[number];

const sideways = (doc: Frame | Page) => doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const alertIn = (field: Locator) => field.locator('xpath=ancestor::label[contains(@class,"st-field")]').locator('[role="alert"]');

describe('the app page as an admin meets it', () => {
  let portal: SettingsPortal;
  let bankId = '';
  const api = <T>(method: string, path: string, body?: unknown): Promise<T> => portal.adminApi<T>(method, path, body);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    portal = await startSettingsPortal();
    await api('PUT', '/api/v1/documents/catalog/draft', { fields: catalog });
    await api('POST', '/api/v1/documents/catalog/publish');
    const bank = { name: 'Banco Prueba', emails: [], replySenders: [], phones: [], requiredFields: [] };
    bankId = (await api<{ bank: { id: string } }>('POST', '/api/v1/documents/banks', bank)).bank.id;
    // What `npm run demo` stores (scripts/demo/mail-sink.ts): SMTP with a password, IMAP without one.
    await saveMailSettings(
      portal.db.kysely,
      portal.a.app.secrets,
      portal.portalId,
      {
        smtp: {
          host: '127.0.0.1',
          port: 2525,
          security: 'none',
          user: 'demo',
          password: 'demo-pass',
          fromAddress: 'creditos@financiera-demo.example',
          fromName: 'Financiera Demo',
        },
        imap: { host: '127.0.0.1', port: 143, security: 'none', user: 'creditos@financiera-demo.example', password: null, folder: 'INBOX' },
        replyScheme: 'plus',
        replyAddress: null,
        forwarders: [],
      },
      { userId: null, nowIso: new Date().toISOString() },
    );
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  async function mailSettings(frame: Frame, c: Case, shot: string) {
    const section = frame.locator('[data-testid="mail"]');
    const imapPassword = section.locator('[name="imap.password"]');
    const hint = imapPassword.locator('xpath=ancestor::label[1]').locator('.st-field__hint');
    expect(await hint.textContent()).toBe(c.imapUnread);
    const before = await api<MailSettingsReply>('GET', '/api/v1/settings/mail');
    await section.locator('[name="smtp.fromName"]').fill(`Financiera Demo ${shot}`);
    await section.locator('button[type="submit"]').click();
    await expect.poll(() => section.locator('[data-testid="mail-saved"]').textContent()).toBe(c.saved);
    expect(await section.locator('[role="alert"]').count()).toBe(0);
    const after = await api<MailSettingsReply>('GET', '/api/v1/settings/mail');
    expect(after.settings).toMatchObject({
      smtp: { fromName: `Financiera Demo ${shot}`, passwordSet: true },
      imap: { passwordSet: false },
    });
    expect(before.settings?.smtp.passwordSet).toBe(true);
    await section.screenshot({ path: `${SHOTS}/mail-${shot}.png` });
  }

  async function fakeDocx(frame: Frame, c: Case, shot: string) {
    const form = frame.locator('[data-testid="doc-templates"] [data-testid="template-upload"]');
    await form.locator('[name="template-bank"]').selectOption(bankId);
    await form.locator('[name="template-name"]').fill(`Solicitud ${shot}`);
    await form
      .locator('[name="template-file"]')
      .setInputFiles({ name: 'solicitud.docx', mimeType: DOCX, buffer: Buffer.from('not really a docx') });
    await form.locator('[name="template-upload"]').click();
    const refused = form.locator('[data-testid="template-refused"]');
    await expect.poll(() => refused.getAttribute('data-code')).toBe('TEMPLATE_NOT_DOCX');
    const text = await refused.innerText();
    expect(text).toContain(c.notDocx);
    expect(text).not.toMatch(/zip/iu);
    await refused.screenshot({ path: `${SHOTS}/template-${shot}.png` });
  }

  async function bankFields(frame: Frame, c: Case, shot: string) {
    const section = frame.locator('[data-testid="doc-banks"]');
    await section.locator('[name="bank-add"]').click();
    const required = section.locator('[data-testid="bank-required"]');
    expect((await required.locator('summary').allInnerTexts()).map((s) => s.trim())).toEqual(c.sections);
    await required.locator('summary').first().click();
    // The check box is named by the field's label: getByLabel finds it, a click on the words ticks it.
    const box = required.getByLabel(c.field, { exact: true });
    expect(await box.isChecked()).toBe(false);
    await required.locator('label', { hasText: c.field }).click();
    expect(await box.isChecked()).toBe(true);
    expect(await required.locator('[data-testid="bank-required-count"]').textContent()).toBe(c.count);
    await required.screenshot({ path: `${SHOTS}/bank-fields-${shot}.png` });
  }

  async function smscHost(frame: Frame, c: Case, shot: string) {
    const sms = frame.locator('.st-provider[data-kind="sms"]');
    await sms.locator('select[name="provider"]').selectOption('smpp');
    const host = sms.locator('input[name="host"]');
    await host.fill('127.0.0.1:99x');
    await sms.locator('input[name="systemId"]').fill('lender');
    await sms.locator('input[name="sourceAddr"]').fill('LENDER');
    await sms.locator('input[name="password"]').fill('pw123');
    await sms.locator('button[type="submit"]').click();
    await expect.poll(() => alertIn(host).allTextContents()).toEqual([c.badHost]);
    expect(await host.inputValue()).toBe('127.0.0.1:99x');
    expect(await sms.locator('.st-ok').count()).toBe(0);
    await sms.screenshot({ path: `${SHOTS}/smpp-${shot}.png` });
  }

  async function blankName(frame: Frame, c: Case, shot: string) {
    const section = frame.locator('[data-testid="lender"]');
    const input = section.locator('input[name="companyName"]');
    await input.fill('   ');
    await section.locator('button[type="submit"]').click();
    await expect.poll(() => alertIn(input).allTextContents()).toEqual([c.blankName]);
    expect(await input.inputValue()).toBe('   ');
    expect(await section.locator('.st-ok').count()).toBe(0);
    await section.screenshot({ path: `${SHOTS}/lender-${shot}.png` });
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: demo mail saves, a fake .docx in the admin's words, section names, host and name beside their fields`, async () => {
        const browser: Browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          const frame = await portal.open(page, c.lang, '[data-testid="mail"][data-ready="yes"]');
          await frame.waitForSelector('[data-testid="doc-templates"][data-ready="yes"]');
          await frame.waitForSelector('[data-testid="doc-banks"][data-ready="yes"]');
          await frame.waitForSelector('[data-testid="providers"][data-ready="yes"]');
          await frame.waitForSelector('[data-testid="lender"][data-ready="yes"]');
          const shot = `${c.lang}-${size}`;
          await mailSettings(frame, c, shot);
          await fakeDocx(frame, c, shot);
          await bankFields(frame, c, shot);
          await smscHost(frame, c, shot);
          await blankName(frame, c, shot);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          await page.close();
        } finally {
          await browser.close();
        }
      }, 180_000);
    }
  }
});
