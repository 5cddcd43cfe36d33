// Runs one REST method for an authenticated caller: lookup, auth type, scope, admin, operating limit,
// then the handler. Shared by the HTTP route and batch sub-calls.
import type { Core } from '../core.js';
import { errors, RestError } from './errors.js';
import { type AuthContext, Paged } from './registry.js';
import { timeInfo, type TimeInfo } from './envelope.js';
import { bump } from '../stats.js';

export interface CallOutcome {
  result: unknown;
  total?: number;
  next?: number;
  time: TimeInfo;
}

/** Normalises `crm.deal.add.json` / `Disk.Folder.UploadFile` to the table key. */
export function normaliseMethod(raw: string): string {
  const m = raw.toLowerCase();
  return m.endsWith('.json') ? m.slice(0, -'.json'.length) : m;
}

export async function invoke(
  core: Core,
  rawMethod: string,
  params: Record<string, unknown>,
  auth: AuthContext,
  opts: { inBatch?: boolean } = {},
): Promise<CallOutcome> {
  const method = normaliseMethod(rawMethod);
  const def = core.methods[method];
  if (!def) throw errors.methodNotFound();
  if (opts.inBatch && def.notInBatch) {
    throw new RestError(405, 'ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage');
  }
  const ctx = { core, auth, method };
  if (def.appOnly && auth.kind !== 'app') {
    if (def.appOnly === 'WRONG_AUTH_TYPE') throw errors.wrongAuthType();
    if (def.appOnly === 'ACCESS_DENIED') throw errors.appContextRequired();
    throw def.appOnly(ctx);
  }
  if (def.scope.length > 0 && !def.scope.some((s) => auth.scope.includes(s))) throw errors.insufficientScope();
  if (def.adminOnly && !core.state.users.find((u) => u.id === auth.userId)?.admin) throw errors.accessDenied();
  if (!def.skipOperating && core.limits.overOperating(auth.limitKey, method)) throw errors.operatingLimit(method);
  bump(core.stats.restCalls, method);
  const startMs = Date.now();
  const out = await def.handler(ctx, params);
  const finishMs = Date.now();
  const op = def.skipOperating ? undefined : core.limits.account(auth.limitKey, method, (finishMs - startMs) / 1000, finishMs);
  core.changed();
  const time = timeInfo(startMs, finishMs, core.opts.operating ? op : undefined);
  if (out instanceof Paged) {
    return { result: out.result, total: out.total, ...(out.next !== undefined ? { next: out.next } : {}), time };
  }
  return { result: out, time };
}
