import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { OutgoingMail } from '../../server/mail/outgoing/outgoing-mail.js';

// A real SMTP server (smtp-server) on a loopback port that keeps what it accepts, and an OutgoingMail
// that sends to it with nodemailer — the shape of the app's own implementation (server/mail/outgoing),
// for tests of what is sent before the portal's SMTP settings are wired in.

export interface SunkMail {
  messageId: string | undefined;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSink {
  port: number;
  received: SunkMail[];
  mail: OutgoingMail;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((m) => {
          const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
          received.push({
            messageId: m.messageId,
            to: to.flatMap((a) => a.value.map((v) => v.address ?? '')),
            subject: m.subject ?? '',
            text: m.text ?? '',
          });
          done();
        })
        .catch((e: Error) => done(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const mail: OutgoingMail = {
    async send(_portalId, m) {
      const info = await transport.sendMail({
        from: 'Lender <no-reply@lender.example>',
        messageId: m.messageId,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
      });
      return { accepted: info.accepted.map(String), rejected: info.rejected.map(String), response: info.response };
    },
  };
  return {
    port,
    received,
    mail,
    close: async () => {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
