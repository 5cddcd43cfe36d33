import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpRig, type SmtpRig } from '../../../test/support/mail/smtp-rig.js';
import type { SmtpAccount } from '../settings/mail-settings.js';
import { createSmtpOutgoingMail } from './smtp-outgoing-mail.js';

// The outgoing port over a real SMTP server (smtp-server on a loopback socket): the message arrives
// with OUR Message-ID, Reply-To, In-Reply-To, References and attachment, DSN asked for in the
// envelope; the receipt carries the server's reply; a refused recipient is reported, not thrown; a
// portal without an account gets MAIL_NOT_CONFIGURED; a wrong password fails as the server said.

let smtp: SmtpRig;
const account = (): SmtpAccount => ({
  host: '127.0.0.1',
  port: smtp.port,
  security: 'none',
  user: smtp.user,
  password: smtp.pass,
  fromAddress: 'credito@lender.example',
  fromName: 'Crédito Ñandú',
});

beforeAll(async () => {
  smtp = await startSmtpRig();
});
afterAll(async () => smtp?.stop());

describe('SMTP outgoing mail', () => {
  it('sends with the given ids, threading, attachment and DSN; answers accepted, rejected and the response', async () => {
    const mail = createSmtpOutgoingMail({ smtpFor: async (p) => (p === 'pa' ? account() : undefined), timeoutMs: 2000 });
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0xff, 0x00]);
    const receipt = await mail.send('pa', {
      messageId: '<d12.bnorte.abcdefgh.abcdefghijklmnop@lender.example>',
      to: ['analista@banco-norte.example', 'nadie@refused.example'],
      subject: 'Solicitud 12 — Pérez',
      text: 'Adjuntamos el expediente.',
      replyTo: 'aprobaciones+d12.bnorte.abcdefghijklmnop@lender.example',
      inReplyTo: '<prev-1@banco-norte.example>',
      references: ['<first-0@lender.example>', '<prev-1@banco-norte.example>'],
      attachments: [{ filename: 'expediente.pdf', contentType: 'application/pdf', content: pdf }],
      dsn: true,
    });
    expect(receipt).toEqual({
      accepted: ['analista@banco-norte.example'],
      rejected: ['nadie@refused.example'],
      response: expect.stringContaining('Ok: queued as TEST1') as string,
    });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.envelope.rcptTo.map((r) => r.address)).toEqual(['analista@banco-norte.example']);
    expect(got.envelope.mailFrom && got.envelope.mailFrom.address).toBe('credito@lender.example');
    expect(got.envelope.dsn).toMatchObject({ ret: 'HDRS', envid: 'd12.bnorte.abcdefgh.abcdefghijklmnop@lender.example' });
    expect(got.envelope.rcptTo[0]).toMatchObject({ dsn: { notify: ['SUCCESS', 'FAILURE', 'DELAY'] } });
    const parsed = await simpleParser(got.raw);
    expect(parsed.messageId).toBe('<d12.bnorte.abcdefgh.abcdefghijklmnop@lender.example>');
    expect(parsed.replyTo?.value[0]?.address).toBe('aprobaciones+d12.bnorte.abcdefghijklmnop@lender.example');
    expect(parsed.inReplyTo).toBe('<prev-1@banco-norte.example>');
    expect(parsed.references).toEqual(['<first-0@lender.example>', '<prev-1@banco-norte.example>']);
    expect(parsed.from?.value[0]).toEqual({ name: 'Crédito Ñandú', address: 'credito@lender.example' });
    expect(parsed.subject).toBe('Solicitud 12 — Pérez');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe('expediente.pdf');
    expect(new Uint8Array(parsed.attachments[0]!.content)).toEqual(pdf);
  });

  it('refuses a portal without an account, and reports the server refusing the password', async () => {
    const mail = createSmtpOutgoingMail({
      smtpFor: async (p) => (p === 'pa' ? { ...account(), password: 'wrong' } : undefined),
      timeoutMs: 2000,
    });
    const m = { messageId: '<x-1@lender.example>', to: ['a@banco.example'], subject: 's', text: 't' };
    await expect(mail.send('pb', m)).rejects.toMatchObject({ code: 'MAIL_NOT_CONFIGURED' });
    await expect(mail.send('pa', m)).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
  });
});
