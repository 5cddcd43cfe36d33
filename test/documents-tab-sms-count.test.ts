// The SMS text of "Send to banks" counts as the provider will: in Chromium (es-MX and ru-RU, desktop
// and 390 px) against the emulator, with the portal's SMPP provider limited to 2 parts. A Spanish
// text of 200 characters is GSM-7: "200 caracteres · 2 de 2 SMS"; 150 Cyrillic letters are UCS-2 and
// need 3 parts: the counter turns red and says it would be refused — and Send is refused by the server
// next to that text (422 SMS_OVER_LIMIT, the same rule: lending/sms-encoding overLimit), nothing queued.
// Screenshots go to $SMSCOUNT_SHOTS (default /tmp/shots-smscount).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumBrowser } from './support/chromium.js';
import { ensureWidgetsBuilt } from './loan-tab-support.js';
import { startFakeSmsc, type FakeSmsc } from './fakes/smsc.js';
import { documentsApi, openDocumentsTab } from './support/documents-tab-rig.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

const SHOTS = process.env.SMSCOUNT_SHOTS ?? '/tmp/shots-smscount';
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const LOCALES = [
  { locale: 'es-MX', lang: 'es', fits: '200 caracteres · 2 de 2 SMS', over: '150 caracteres · 3 de 2 SMS', refused: 'Demasiado largo' },
  { locale: 'ru-RU', lang: 'ru', fits: '200 симв. · 2 из 2 SMS', over: '150 симв. · 3 из 2 SMS', refused: 'Слишком длинно' },
] as const;

describe('documents tab: the SMS to a bank is counted as the provider counts it', () => {
  let p: Platform;
  let smsc: FakeSmsc;
  let portalId: string;
  let browser: Browser;
  let bankId = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWidgetsBuilt();
    smsc = await startFakeSmsc({ systemId: 'lender', password: 'secret' });
    const sms = { host: '127.0.0.1', port: smsc.port, systemId: 'lender', password: 'secret', sourceAddr: 'LENDER', maxSegments: 2 };
    p = await startPlatform({
      activities: {
        settings: { settingsOf: async () => ({ language: 'es', companyName: 'Presta', sms: { provider: 'smpp', settings: sms } }) },
      },
    });
    portalId = await p.install();
    const rig = documentsApi(
      () => p,
      () => portalId,
    );
    const body = {
      name: 'Banco Azteca',
      emails: ['credito@azteca.example'],
      replySenders: [],
      phones: ['+52 55 1234 5678'],
      requiredFields: [],
    };
    bankId = (await rig.api<{ bank: { id: string } }>('POST', '/api/v1/documents/banks', { admin: true, body })).bank.id;
    browser = await chromiumBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await p?.close();
    await smsc?.close();
  }, 60_000);

  for (const l of LOCALES)
    for (const vp of VIEWPORTS)
      it(`${l.locale} ${vp.name}: live count against the limit; over it, red and refused by the server next to the text`, async () => {
        const contactId = Number(await p.portalCall('crm.contact.add', { fields: { NAME: 'Juan', LAST_NAME: 'Pérez' } }));
        const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Pérez', CONTACT_ID: contactId } }));
        const { page, frame } = await openDocumentsTab(browser, p, { locale: l.locale, lang: l.lang, ...vp, dealId });
        const section = frame.locator('[data-testid="bank-send"]');
        await section.locator(`.dt-send__bank[data-bank="${bankId}"] input`).check();
        await section.locator('input[name="dt-channel"]').nth(1).check();
        const draft = section.locator(`.dt-draft[data-bank="${bankId}"]`);
        const text = draft.locator('.dt-draft__text');
        const count = draft.locator('.dt-draft__sms-count');
        await text.waitFor();

        await text.fill('Solicitud de crédito para el señor Pérez, revisen por favor. '.repeat(4).slice(0, 200));
        await expect.poll(() => count.innerText()).toBe(l.fits);
        expect(await count.getAttribute('class')).toContain('dt-muted');
        await page.screenshot({ path: join(SHOTS, `${l.locale}-${vp.name}-fits.png`), fullPage: true });

        await text.fill('ж'.repeat(150));
        await expect.poll(() => count.innerText()).toContain(l.over);
        expect(await count.innerText()).toContain(l.refused);
        expect(await count.getAttribute('class')).toContain('dt-error');
        await section.locator('.dt-send__button').click();
        await expect
          .poll(() =>
            draft
              .locator('.dt-draft__error')
              .innerText()
              .catch(() => ''),
          )
          .not.toBe('');
        expect(await text.inputValue()).toBe('ж'.repeat(150));
        await page.screenshot({ path: join(SHOTS, `${l.locale}-${vp.name}-over.png`), fullPage: true });
        expect(await p.db.kysely.selectFrom('bank_messages').select('id').where('deal_id', '=', dealId).execute()).toEqual([]);
        await page.context().close();
      }, 120_000);
});
