// Incoming webhooks, as an admin creates them under Developer resources (contract.md §2.1).
import type { Core } from '../core.js';
import { nextIdOf, randomToken } from '../util.js';

export const DEFAULT_WEBHOOK_SCOPE = ['crm', 'user', 'user_brief', 'bizproc', 'im', 'disk', 'telephony', 'department'];

export function createWebhook(core: Core, o: { userId?: number; scope?: string[] }) {
  const userId = o.userId ?? 1;
  const hook = { id: nextIdOf(core.state, 'webhook'), userId, secret: randomToken(8), scope: o.scope ?? DEFAULT_WEBHOOK_SCOPE };
  core.state.webhooks.push(hook);
  core.changed();
  return { ...hook, url: `${core.baseUrl}/rest/${userId}/${hook.secret}/` };
}
