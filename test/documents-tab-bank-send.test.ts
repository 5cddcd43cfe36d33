// "Send to banks" from the Documents tab, in Chromium with es-MX (desktop) and ru-RU (390 px), against
// the emulator and a real SMTP server, the outbox running as in production (WORKER=on): the manager
// ticks two banks (each shown with its contacts) and a third that has no pack yet; each bank's message
// appears in that bank's language from its template, with the deal number, the client and the saved
// loan's amount and term; Send with "attach the pack" is refused next to the toggle naming the bank
// without a pack, nothing queued; unticking it and editing one text, Send queues both; the list below
// shows both messages, each with its subject and how many files it carries, become "sent" with the
// SMTP server's reply; the SMTP server got each with its
// pack's files attached and the edited text. The pack itself is written into the pack tables
// (test/support/done-pack.ts): generating one is test/documents-tab-packs.test.ts's subject.
// Screenshots go to $MAILSEND_SHOTS (default /tmp/shots-mailsend).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBank, openDocumentsTab, useDocumentsTabRig } from './support/documents-tab-rig.js';
import { insertDonePack } from './support/done-pack.js';
import { rigMailSettings } from './support/mail/settings-body.js';
import { startSmtpRig, type SmtpRig } from './support/mail/smtp-rig.js';
import { sampleTerms } from './support/sample-terms.js';

const SHOTS = process.env.MAILSEND_SHOTS ?? '/tmp/shots-mailsend';
const enc = (s: string) => new TextEncoder().encode(s);

const CASES = [
  {
    locale: 'es-MX',
    lang: 'es',
    vp: { name: 'desktop', width: 1280, height: 900 },
    loan: { principal: '150000', currency: 'MXN' },
    // The loan's amount as each bank's language writes it: es-MX for the Mexican bank, ru-RU for the Russian one.
    amountEs: '$150,000.00',
    amountRu: '150 000,00 MX$',
    send: 'Enviar',
    noPack: 'Genere primero el paquete para Banco Tres',
    sent: 'enviado',
    files: 'Adjuntos: 3',
    unverified: 'Informe de entrega no verificado (remitente no confirmado, el estado no cambió): mailer-daemon@vps.example: failed',
  },
  {
    locale: 'ru-RU',
    lang: 'ru',
    vp: { name: 'phone', width: 390, height: 844 },
    loan: { principal: '1500000', currency: 'RUB' },
    amountEs: 'RUB 1,500,000.00',
    amountRu: '1 500 000,00 ₽',
    send: 'Отправить',
    noPack: 'Сначала сформируйте пакет для банка «Banco Tres»',
    sent: 'отправлено',
    files: 'Вложений: 3',
    unverified: 'Непроверенный отчёт о доставке (отправитель не подтверждён, статус не изменён): mailer-daemon@vps.example: failed',
  },
] as const;

describe('documents tab: send to banks', () => {
  let smtp: SmtpRig;
  const banks: Record<'mx' | 'ru' | 'none', string> = { mx: '', ru: '', none: '' };

  const rig = useDocumentsTabRig({ env: { WORKER: 'on' }, catalog: false });
  const { api } = rig;
  const bank = (name: string, email: string, messageTemplate?: unknown) =>
    addBank(rig, { name, emails: [email], phones: ['+52 55 1234 5678'], ...(messageTemplate ? { messageTemplate } : {}) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtpRig();
    // The person who opens the tab signs the messages ({{manager}}: profile's NAME LAST_NAME).
    Object.assign(rig.p.em.core.state.users[0]!, { name: 'Ana', lastName: 'López' });
    await api('PUT', '/api/v1/settings/mail', { admin: true, body: rigMailSettings(smtp, { port: 9, user: 'x', pass: 'x' }) });
    banks.mx = await bank('Banco Azteca', 'credito@azteca.example', {
      lang: 'es',
      subject: 'Solicitud #{{deal}}: {{client}}',
      body: 'Estimado equipo de {{bank}}:\nSolicitud de {{client}} por {{amount}} a {{term}}.\nAtentamente, {{manager}}',
    });
    banks.ru = await bank('Сбербанк', 'credit@sber.example', {
      lang: 'ru',
      subject: 'Заявка №{{deal}}: {{client}}',
      body: 'Коллеги из {{bank}}, заявка {{client}} на {{amount}} на {{term}}.\nС уважением, {{manager}}',
    });
    banks.none = await bank('Banco Tres', 'credito@tres.example');
  }, 180_000);

  afterAll(async () => {
    await smtp?.stop();
  }, 60_000);

  for (const c of CASES) {
    it(`${c.locale} ${c.vp.name}: two banks, each in its language, sent with the pack; both become "sent"; the files reach the SMTP server`, async () => {
      const contactId = Number(await rig.p.portalCall('crm.contact.add', { fields: { NAME: 'Juan', LAST_NAME: 'Pérez' } }));
      const dealId = Number(
        await rig.p.portalCall('crm.deal.add', {
          fields: { TITLE: 'Crédito Pérez', OPPORTUNITY: c.loan.principal, CURRENCY_ID: c.loan.currency, CONTACT_ID: contactId },
        }),
      );
      await api('PUT', `/api/v1/deals/${dealId}/loan`, { dealId, body: { loan: sampleTerms(12, c.loan) } });
      const now = new Date().toISOString();
      for (const id of [banks.mx, banks.ru])
        await insertDonePack(rig.p.db.kysely, rig.portalId, dealId, id, now, [
          { name: `Solicitud ${id === banks.mx ? 'Azteca' : 'Сбербанк'}`, bank: true, bytes: enc(`docx ${id}`), pdf: enc(`pdf ${id}`) },
          { name: 'Pagaré', bank: false, bytes: enc('pagare') },
        ]);
      const before = smtp.received.length;

      const { page, frame } = await openDocumentsTab(rig.browser, rig.p, { ...c, ...c.vp, dealId });
      const section = frame.locator('[data-testid="bank-send"]');
      await section.waitFor();
      const tick = (id: string) => section.locator(`.dt-send__bank[data-bank="${id}"] input`).check();
      // Each bank shows where the message goes.
      expect(await section.locator(`.dt-send__bank[data-bank="${banks.mx}"]`).innerText()).toContain('credito@azteca.example');
      for (const id of [banks.mx, banks.ru, banks.none]) await tick(id);
      await expect.poll(() => section.locator('.dt-draft').count()).toBe(3);

      const draft = (id: string) => section.locator(`.dt-draft[data-bank="${id}"]`);
      const mx = draft(banks.mx);
      const ru = draft(banks.ru);
      expect(await mx.locator('.dt-draft__subject').inputValue()).toBe(`Solicitud #${dealId}: Juan Pérez`);
      const mxText = await mx.locator('.dt-draft__text').inputValue();
      const spaces = (x: string) => x.replace(/[\u00a0\u202f]/g, ' ');
      expect(spaces(mxText)).toContain(`por ${c.amountEs} a 12 meses`);
      expect(mxText).toContain('a 12 meses');
      expect(mxText).toContain('Atentamente, Ana López');
      expect(await ru.locator('.dt-draft__subject').inputValue()).toBe(`Заявка №${dealId}: Juan Pérez`);
      expect(spaces(await ru.locator('.dt-draft__text').inputValue())).toContain(`на ${c.amountRu} на 12 месяцев`);
      // The bank without a template gets the default in the user's language.
      expect(await draft(banks.none).locator('.dt-draft__subject').inputValue()).toContain(String(dealId));
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-drafts.png`), fullPage: true });

      // With the pack attached, the bank that has none is named next to the toggle; nothing is queued.
      const send = section.locator('.dt-send__button', { hasText: c.send });
      await send.click();
      await expect
        .poll(() =>
          section
            .locator('.dt-send__pack-error')
            .innerText()
            .catch(() => ''),
        )
        .toContain(c.noPack);
      expect((await api<{ messages: unknown[] }>('GET', `/api/v1/deals/${dealId}/bank-messages`, { dealId })).messages).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-no-pack.png`), fullPage: true });

      await section.locator(`.dt-send__bank[data-bank="${banks.none}"] input`).uncheck();
      await mx.locator('.dt-draft__text').fill(`${mxText}\nP.D. Cliente preferente.`);
      await send.click();
      const sent = section.locator('.dt-sent[data-status="sent"]');
      await expect.poll(() => sent.count(), { timeout: 30_000 }).toBe(2);
      for (let i = 0; i < 2; i++) {
        const line = await sent.nth(i).innerText();
        expect(line).toContain(c.sent);
        expect(line).toMatch(/250/);
        // Each message with its subject and its attached files (the pack's two and the internal one).
        expect(line).toContain(c.files);
      }
      expect(await section.locator(`.dt-sent[data-bank="${banks.mx}"] .dt-sent__subject`).innerText()).toContain(
        `Solicitud #${dealId}: Juan Pérez`,
      );
      expect(await section.locator(`.dt-sent[data-bank="${banks.ru}"] .dt-sent__subject`).innerText()).toContain(
        `Заявка №${dealId}: Juan Pérez`,
      );
      expect(await section.locator('.dt-sent').count()).toBe(2);
      await page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-sent.png`), fullPage: true });

      // What the SMTP server received: one message per bank, each with its pack's files and its own text.
      await expect.poll(() => smtp.received.length - before, { timeout: 15_000 }).toBe(2);
      const mails = await Promise.all(smtp.received.slice(before).map((m) => simpleParser(m.raw)));
      const toMx = mails.find((m) => m.subject === `Solicitud #${dealId}: Juan Pérez`)!;
      const toRu = mails.find((m) => m.subject === `Заявка №${dealId}: Juan Pérez`)!;
      expect(toMx.text).toContain('P.D. Cliente preferente.');
      expect(toRu.text).not.toContain('P.D.');
      expect(toMx.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
        ['Solicitud Azteca.docx', `docx ${banks.mx}`],
        ['Solicitud Azteca.pdf', `pdf ${banks.mx}`],
        ['Pagaré.docx', 'pagare'],
      ]);
      expect(toRu.attachments.map((a) => a.filename)).toEqual(['Solicitud Сбербанк.docx', 'Solicitud Сбербанк.pdf', 'Pagaré.docx']);
      await page.context().close();

      // A bounce for the Mexican bank's message that did not come from the delivery path (its row as the
      // mailbox reader leaves it, server/mail/inbox/delivery-report-record.ts): the manager sees it
      // beside the message, which stays "sent".
      await rig.p.db.kysely
        .updateTable('bank_messages')
        .set({ unverified_report: 'mailer-daemon@vps.example: failed; credito@azteca.example: 550 5.1.1 User unknown', unverified_at: now })
        .where('portal_id', '=', rig.portalId)
        .where('deal_id', '=', dealId)
        .where('bank_id', '=', banks.mx)
        .execute();
      const again = await openDocumentsTab(rig.browser, rig.p, { ...c, ...c.vp, dealId });
      const row = again.frame.locator(`[data-testid="bank-send"] .dt-sent[data-bank="${banks.mx}"]`);
      await expect.poll(() => row.locator('.dt-sent__unverified').innerText(), { timeout: 15_000 }).toContain(c.unverified);
      expect(await row.getAttribute('data-status')).toBe('sent');
      await row.scrollIntoViewIfNeeded();
      await again.page.screenshot({ path: join(SHOTS, `${c.locale}-${c.vp.name}-unverified.png`), fullPage: true });
      await again.page.context().close();
    }, 150_000);
  }
});
