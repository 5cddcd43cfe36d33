// The portal's reminder settings and each product's own rules (server/routes/api/reminders):
// administrators only.
import type {
  FailedRemindersReply,
  ProductRules,
  ProductRulesBody,
  ReminderSettingsBody,
  ReminderSettingsReply,
  RetryReminderReply,
} from '../../wire/reminders.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export function createRemindersApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    get: () => client.request<ReminderSettingsReply>('GET', '/api/v1/settings/reminders'),
    /** A full replace: repeating it after a session renewal stores the same. */
    save: (body: ReminderSettingsBody) => client.request<ReminderSettingsReply>('PUT', '/api/v1/settings/reminders', body),
    saveProduct: (productId: string, body: ProductRulesBody) =>
      client.request<ProductRules>('PUT', `/api/v1/settings/reminders/products/${encodeURIComponent(productId)}`, body),
    /** Reminders that could not go, their reason in the admin's language. */
    failed: () => client.request<FailedRemindersReply>('GET', '/api/v1/settings/reminders/failed'),
    /** Puts one back in the send queue; repeated, the second finds it no longer failed. */
    retry: (key: string) => client.request<RetryReminderReply>('POST', '/api/v1/settings/reminders/failed/retry', { key }),
  };
}

export type RemindersApi = ReturnType<typeof createRemindersApi>;
