// nodemailer's SMTP transport options for a portal's account: the one place the security choice
// becomes TLS flags, shared by the sender and the connection test so both connect the same way.
// Certificates are always verified; 'none' is for a relay on the same host or network.
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SmtpAccount } from '../settings/mail-settings.js';

export function smtpTransportOptions(a: SmtpAccount, timeoutMs: number): SMTPTransport.Options {
  return {
    host: a.host,
    port: a.port,
    secure: a.security === 'tls',
    requireTLS: a.security === 'starttls',
    ignoreTLS: a.security === 'none',
    ...(a.user !== '' && a.password !== null ? { auth: { user: a.user, pass: a.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
    dnsTimeout: timeoutMs,
    logger: false,
    debug: false,
  };
}
