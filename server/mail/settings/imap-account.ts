// The IMAP account the reader and the connection test log in with, from a portal's settings: the
// security choice as imapflow's flags ('tls' = TLS from the first byte; 'starttls' = STARTTLS
// required; 'none' = never upgraded, for a mailbox host on the same network).
import type { ImapAccount } from '../inbox/mailbox-reader.js';
import type { ImapSettings } from './mail-settings.js';

export function imapAccountOf(s: ImapSettings & { password: string }): ImapAccount {
  return {
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    user: s.user,
    pass: s.password,
    ...(s.security === 'tls' ? {} : { starttls: s.security === 'starttls' }),
  };
}
