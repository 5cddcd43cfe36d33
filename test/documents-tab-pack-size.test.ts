// A pack too big for the mail server, in Chromium with es-MX and ru-RU at desktop and 390 px, against
// the emulator (issue 16): the SMTP server here takes 1 MiB (MAIL_MAX_MESSAGE_MB=1); the manager ticks
// a bank whose pack fits and one whose pack is 1.3 MiB as it would travel, with "attach the pack";
// Send is refused at once under that bank's message, naming it, the size and the limit, and nothing
// is queued for either bank. Unticking the pack clears it. Screenshots go to $PACKSIZE_SHOTS
// (default /tmp/shots-packsize).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBank, openDocumentsTab, useDocumentsTabRig } from './support/documents-tab-rig.js';
import { insertDonePack } from './support/done-pack.js';
import { rigMailSettings } from './support/mail/settings-body.js';
import { startSmtpRig, type SmtpRig } from './support/mail/smtp-rig.js';

const SHOTS = process.env.PACKSIZE_SHOTS ?? '/tmp/shots-packsize';
const enc = (s: string) => new TextEncoder().encode(s);
const DESKTOP = { name: 'desktop', width: 1280, height: 900 };
const PHONE = { name: 'phone', width: 390, height: 844 };
const ES = {
  locale: 'es-MX',
  lang: 'es',
  send: 'Enviar',
  refusal: 'El paquete para Banco Norte pesa 1.3 MB; el servidor de correo acepta hasta 1 MB.',
} as const;
const RU = {
  locale: 'ru-RU',
  lang: 'ru',
  send: 'Отправить',
  refusal: 'Пакет для банка «Banco Norte» весит 1,3 МБ, а почтовый сервер принимает не больше 1 МБ.',
} as const;
const CASES = [
  { ...ES, vp: DESKTOP },
  { ...ES, vp: PHONE },
  { ...RU, vp: DESKTOP },
  { ...RU, vp: PHONE },
];

describe('documents tab: a pack too big for the mail server', () => {
  let smtp: SmtpRig;
  const banks = { sur: '', norte: '' };
  const rig = useDocumentsTabRig({ env: { WORKER: 'off', MAIL_MAX_MESSAGE_MB: '1' }, catalog: false });
  const { api } = rig;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtpRig();
    await api('PUT', '/api/v1/settings/mail', { admin: true, body: rigMailSettings(smtp, { port: 9, user: 'x', pass: 'x' }) });
    banks.sur = await addBank(rig, { name: 'Banco Sur', emails: ['credito@sur.example'] });
    banks.norte = await addBank(rig, { name: 'Banco Norte', emails: ['credito@norte.example'] });
  }, 180_000);

  afterAll(async () => {
    await smtp?.stop();
  }, 60_000);

  for (const c of CASES) {
    it(`${c.locale} ${c.vp.name}: refused under the bank whose pack is too big, nothing queued`, async () => {
      const dealId = Number(await rig.p.portalCall('crm.deal.add', { fields: { TITLE: 'Crédito Pérez' } }));
      const now = new Date().toISOString();
      await insertDonePack(rig.p.db.kysely, rig.portalId, dealId, banks.sur, now, [
        { name: 'Solicitud Sur', bank: true, bytes: enc('docx') },
      ]);
      // 900 KiB of statements: 1.23 MiB in base64 with the message around it.
      await insertDonePack(rig.p.db.kysely, rig.portalId, dealId, banks.norte, now, [
        { name: 'Estados de cuenta', bank: true, bytes: enc('x'.repeat(900 * 1024)) },
      ]);
      const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { ...c, ...c.vp, dealId });
      const section = frame.locator('[data-testid="bank-send"]');
      await section.waitFor();
      for (const id of [banks.sur, banks.norte]) await section.locator(`.dt-send__bank[data-bank="${id}"] input`).check();
      await expect.poll(() => section.locator('.dt-draft').count()).toBe(2);
      const norte = section.locator(`.dt-draft[data-bank="${banks.norte}"]`);

      await section.locator('.dt-send__button', { hasText: c.send }).click();
      await expect
        .poll(() =>
          norte
            .locator('.dt-draft__error')
            .innerText()
            .catch(() => ''),
        )
        .toBe(c.refusal);
      expect(await section.locator(`.dt-draft[data-bank="${banks.sur}"] .dt-draft__error`).count()).toBe(0);
      expect(await section.locator('.dt-send__pack-error').count()).toBe(0);
      expect((await api<{ messages: unknown[] }>('GET', `/api/v1/deals/${dealId}/bank-messages`, { dealId })).messages).toEqual([]);
      await norte.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-too-large.png`), fullPage: true });

      await section.locator('.dt-send__attach input').uncheck();
      expect(await norte.locator('.dt-draft__error').count()).toBe(0);
      await page.context().close();
    }, 120_000);
  }
});
