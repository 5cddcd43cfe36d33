// The mail section of the app page, in a real browser as a portal admin in es-MX and ru-RU browser
// locales, on a desktop and at 390 × 844, against a real Dovecot (IMAP) and a real SMTP server
// (smtp-server): the accounts are typed as an admin would, "Test connection" names a wrong IMAP
// password beside the IMAP fields in the user's language while SMTP connects and everything typed
// stays; with the right password both sides connect; Save stores them (passwords only as "set");
// a port that is not a number is refused beside its field. Every check reads what is on screen;
// screenshots in test-results/.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './frame-harness.js';
import { startSettingsPortal, type SettingsPortal } from './settings-portal.js';
import { startDovecot, type Dovecot } from './support/mail/dovecot-rig.js';
import { startSmtpRig, type SmtpRig } from './support/mail/smtp-rig.js';

const cases = [
  {
    locale: 'es-MX',
    lang: 'es',
    fromName: 'Financiera Ñandú',
    connected: 'Conectado',
    notConnected: 'Sin conexión',
    auth: 'El servidor rechazó el usuario o la contraseña.',
    saved: 'Guardado',
    badPort: 'Un número entero de 1 a 65535',
    example: 'Las respuestas llegarán a: approvals+d1024',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    fromName: 'МФО «Быстрые займы»',
    connected: 'Подключено',
    notConnected: 'Не подключено',
    auth: 'Сервер не принял имя пользователя или пароль.',
    saved: 'Сохранено',
    badPort: 'Целое число от 1 до 65535',
    example: 'Ответы придут на: approvals+d1024',
  },
] as const;

describe('the mail settings on the app page', () => {
  let portal: SettingsPortal;
  let dovecot: Dovecot;
  let smtp: SmtpRig;

  beforeAll(async () => {
    [portal, dovecot, smtp] = await Promise.all([startSettingsPortal(), startDovecot(), startSmtpRig()]);
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
    await smtp?.stop();
    await dovecot?.stop();
  });

  async function stored(): Promise<{ smtp: { passwordSet: boolean; fromName: string }; imap: { passwordSet: boolean } } | null> {
    const r = await fetch(`${portal.a.url}/api/v1/settings/mail`, { headers: { authorization: portal.adminBearer() } });
    return ((await r.json()) as { settings: never }).settings;
  }

  for (const c of cases) {
    for (const phone of [false, true]) {
      const size = phone ? '390' : 'desktop';
      it(`${c.locale} ${size}: a wrong IMAP password is named beside IMAP, the right one connects both, Save stores them`, async () => {
        const browser: Browser = await launchChromium({ locale: c.locale });
        try {
          const page = await browser.context.newPage();
          if (phone) await page.setViewportSize({ width: 390, height: 844 });
          const frame = await portal.open(page, c.lang, '[data-testid="mail"][data-ready="yes"]');
          const section = frame.locator('[data-testid="mail"]');
          const input = (name: string) => section.locator(`[name="${name}"]`);
          const fromName = `${c.fromName} ${size}`;
          await input('smtp.host').fill('127.0.0.1');
          await input('smtp.port').fill(String(smtp.port));
          await input('smtp.security').selectOption('none');
          await input('smtp.user').fill(smtp.user);
          await input('smtp.password').fill(smtp.pass);
          await input('smtp.fromAddress').fill('approvals@lender.example');
          await input('smtp.fromName').fill(fromName);
          await input('imap.host').fill('127.0.0.1');
          await input('imap.port').fill(String(dovecot.imapPort));
          await input('imap.security').selectOption('none');
          await input('imap.user').fill(dovecot.user);
          await input('imap.password').fill('not-the-password');
          await input('imap.folder').fill('INBOX');
          await expect.poll(() => section.locator('[data-testid="mail-reply-example"]').textContent()).toContain(c.example);

          await section.locator('[data-testid="mail-test"]').click();
          const smtpResult = section.locator('[data-testid="mail-smtp"] [data-testid="mail-test-smtp"]');
          const imapResult = section.locator('[data-testid="mail-imap"] [data-testid="mail-test-imap"]');
          await imapResult.waitFor({ timeout: 20_000 });
          expect(await smtpResult.innerText()).toContain(c.connected);
          expect(await imapResult.innerText()).toContain(c.notConnected);
          expect(await imapResult.innerText()).toContain(c.auth);
          expect(await imapResult.getAttribute('data-ok')).toBe('no');
          // Nothing typed was lost.
          expect(await input('imap.password').inputValue()).toBe('not-the-password');
          expect(await input('smtp.fromName').inputValue()).toBe(fromName);
          await section.screenshot({ path: `test-results/settings-mail-${c.lang}-${size}-wrong-password.png` });

          await input('imap.password').fill(dovecot.pass);
          await section.locator('[data-testid="mail-test"]').click();
          await expect.poll(() => imapResult.getAttribute('data-ok'), { timeout: 20_000 }).toBe('yes');
          expect(await smtpResult.getAttribute('data-ok')).toBe('yes');
          expect(await imapResult.innerText()).toContain(c.connected);

          await section.locator('button[type="submit"]').click();
          await section.locator(`[data-testid="mail-saved"]:has-text("${c.saved}")`).waitFor();
          expect(await stored()).toMatchObject({ smtp: { passwordSet: true, fromName }, imap: { passwordSet: true } });
          // The passwords left the form once saved; their fields say they are kept.
          expect(await input('imap.password').inputValue()).toBe('');

          await input('smtp.port').fill('58 7');
          await section.locator('button[type="submit"]').click();
          const alert = section.locator('[data-testid="mail-smtp"] .st-field [role="alert"]');
          await expect.poll(() => alert.textContent()).toBe(c.badPort);
          expect(await input('smtp.port').inputValue()).toBe('58 7');
          // The SMTP answer no longer speaks for what is typed; the IMAP one still does.
          expect(await smtpResult.count()).toBe(0);
          expect(await imapResult.getAttribute('data-ok')).toBe('yes');
          expect(await section.locator('[data-testid="mail-saved"]').count()).toBe(0);

          // The section fits the phone: no sideways scroll, the buttons within its width.
          const sideways = (doc: Frame | Page) =>
            doc.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(await sideways(frame)).toBeLessThanOrEqual(0);
          const test = section.locator('[data-testid="mail-test"]');
          await test.scrollIntoViewIfNeeded();
          const box = await test.boundingBox();
          expect(box).not.toBeNull();
          if (phone) expect(box!.x + box!.width).toBeLessThanOrEqual(390);
          await section.screenshot({ path: `test-results/settings-mail-${c.lang}-${size}.png` });
          await page.close();
        } finally {
          await browser.close();
        }
      }, 120_000);
    }
  }
});
