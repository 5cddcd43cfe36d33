// The portal's mail accounts (server/routes/api/mail-settings): administrators only. Passwords are
// write-only — the body leaves one out to keep the stored password; replies only say passwordSet.
import type { MailCheckReply, MailSettingsBody, MailSettingsReply } from '../../wire/mail-settings.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export function createMailApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    get: () => client.request<MailSettingsReply>('GET', '/api/v1/settings/mail'),
    /** A full replace: repeating it after a session renewal stores the same. */
    save: (body: MailSettingsBody) => client.request<MailSettingsReply>('PUT', '/api/v1/settings/mail', body),
    /** Connects with what was typed (stored passwords fill the gaps); changes nothing. */
    test: (body: MailSettingsBody) => client.request<MailCheckReply>('POST', '/api/v1/settings/mail/test', body),
  };
}

export type MailApi = ReturnType<typeof createMailApi>;
