// Who is calling: an app token (query/body `auth` or `Authorization: Bearer`) or an incoming webhook
// path /rest/<userId>/<secret>/. doc: settings/how-to-call-rest-api/authorization.md (contract.md §2.1, §2.6).
import type { Core } from '../core.js';
import { errors } from './errors.js';
import type { AuthContext } from './registry.js';
import { toStr } from '../util.js';

export function authFromToken(core: Core, token: string | undefined): AuthContext {
  if (!token) throw errors.noAuth();
  const check = core.tokens.checkAccess(token);
  if (!check.ok) throw check.reason === 'expired' ? errors.expiredToken() : errors.noAuth();
  return { kind: 'app', userId: check.userId, scope: check.scope, accessToken: token, limitKey: `app:${check.clientId}` };
}

export function authFromWebhook(core: Core, userId: string, secret: string): AuthContext {
  const hook = core.state.webhooks.find((w) => String(w.userId) === userId && w.secret === secret);
  if (!hook) throw errors.noAuth();
  return { kind: 'webhook', userId: hook.userId, scope: hook.scope, webhookId: hook.id, limitKey: `hook:${hook.id}` };
}

export function bearer(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return m?.[1];
}

export function tokenFrom(params: Record<string, unknown>, authorization: string | undefined): string | undefined {
  return toStr(params.auth) ?? bearer(authorization);
}
