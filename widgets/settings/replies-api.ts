// The bank-reply review queue (server/routes/api/mail-replies): administrators only. GET lists the
// replies waiting for a person; apply queues the same job a reply that passed every check runs;
// dismiss closes one without touching its deal.
import type { MailReplies, MailReplyAction } from '../../wire/mail-replies.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export function createRepliesApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    pending: () => client.request<MailReplies>('GET', '/api/v1/mail/replies?status=pending'),
    apply: (id: string) => client.request<MailReplyAction>('POST', `/api/v1/mail/replies/${encodeURIComponent(id)}/apply`),
    dismiss: (id: string) => client.request<MailReplyAction>('POST', `/api/v1/mail/replies/${encodeURIComponent(id)}/dismiss`),
  };
}

export type RepliesApi = ReturnType<typeof createRepliesApi>;
