import { describe, expect, it } from 'vitest';
import { LANGS } from '../../errors.js';
import type { MailCheckReason } from '../../../wire/mail-settings.js';
import { mailCheckDetail, mailCheckReason, mailCheckText } from './check-reason.js';

// The errors nodemailer, imapflow and Node raise, as they raise them, sorted into what the admin
// should fix.
const cases: [string, object, MailCheckReason][] = [
  ['SMTP 535', { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication failed' }, 'auth'],
  ['IMAP login', { authenticationFailed: true, responseText: 'Authentication failed.' }, 'auth'],
  ['DNS (imapflow)', { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND imap.nowhere' }, 'host'],
  ['DNS (nodemailer)', { code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.nowhere' }, 'host'],
  ['refused', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'refused'],
  ['nodemailer socket refused', { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'refused'],
  ['greeting timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, 'timeout'],
  ['imapflow connect timeout', { code: 'CONNECT_TIMEOUT' }, 'timeout'],
  ['TLS on a plain port', { code: 'ESOCKET', message: 'ssl3_get_record:wrong version number' }, 'tls'],
  ['self-signed', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'tls'],
  ['STARTTLS required, not offered', { tlsFailed: true, message: 'Server does not support STARTTLS' }, 'tls'],
  ['anything else', { message: 'Unexpected socket close' }, 'other'],
];

describe('mail connection failures', () => {
  it.each(cases)('%s', (_name, err, reason) => expect(mailCheckReason(err)).toBe(reason));

  it('has every reason in every language, and keeps the server words short', () => {
    for (const r of ['ok', 'auth', 'host', 'refused', 'tls', 'timeout', 'folder', 'no-password', 'other'] as const)
      for (const l of LANGS) expect(mailCheckText(r, l).length).toBeGreaterThan(5);
    expect(mailCheckDetail({ response: `535 ${'x'.repeat(500)}` })).toHaveLength(300);
    expect(mailCheckDetail(undefined)).toBeUndefined();
  });
});
