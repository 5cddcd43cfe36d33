import { describe, expect, it } from 'vitest';
import { permanentSmtpFailure } from './bank-send-job.js';

// Which SMTP failures fail a bank message for good and which the outbox retries with back-off.
describe('permanentSmtpFailure', () => {
  it('fails for good: no account, a 5xx, a message nodemailer refuses before sending (over the server SIZE)', () => {
    expect(permanentSmtpFailure({ code: 'MAIL_NOT_CONFIGURED' })).toBe(true);
    expect(permanentSmtpFailure({ code: 'EENVELOPE', responseCode: 550 })).toBe(true);
    // nodemailer's own refusal when the message exceeds the SIZE the server announced (no server reply).
    expect(permanentSmtpFailure({ code: 'EMESSAGE', message: 'Message size larger than allowed 1048576' })).toBe(true);
  });

  it('retries: a 4xx, a refused DATA with a 4xx reply, a network fault', () => {
    expect(permanentSmtpFailure({ code: 'EENVELOPE', responseCode: 451 })).toBe(false);
    expect(permanentSmtpFailure({ code: 'EMESSAGE', responseCode: 452 })).toBe(false);
    expect(permanentSmtpFailure({ code: 'ECONNECTION' })).toBe(false);
    expect(permanentSmtpFailure({ code: 'ETIMEDOUT' })).toBe(false);
  });
});
