// HTTP surface of REST v2: /rest/<method>[.json] and /rest/<userId>/<secret>/<method>[.json];
// GET query, form (PHP brackets) and JSON bodies (contract.md §2.1). `//` is collapsed by the router.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../core.js';
import { errors, RestError } from './errors.js';
import { authFromToken, authFromWebhook, tokenFrom } from './auth.js';
import { invoke, normaliseMethod } from './dispatch.js';
import { bump } from '../stats.js';
import { isRecord } from '../util.js';
import { applyCors, registerCorsPreflight } from './cors.js';
import { serverInstallInfo } from '../oauth/server-app-info.js';

/** Request params: query merged with body; SDK bookkeeping (bx24_*) and `auth` removed. */
export function requestParams(req: FastifyRequest): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(isRecord(req.query) ? req.query : {}), ...(isRecord(req.body) ? req.body : {}) };
  return merged;
}

function stripControl(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (k !== 'auth' && !k.startsWith('bx24_')) out[k] = v;
  return out;
}

export function sendRestError(core: Core, reply: FastifyReply, err: RestError): FastifyReply {
  bump(core.stats.rejected, err.code === '' ? '(empty)' : err.code);
  return reply.code(err.status).send(err.body());
}

export function registerRestRoutes(app: FastifyInstance, core: Core): void {
  registerCorsPreflight(app, core);
  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    applyCors(core, req, reply);
    const path = (req.params as { '*': string })['*'] ?? '';
    const segments = path.split('/').filter((s) => s !== '');
    const params = requestParams(req);
    try {
      const { faults, random } = core.opts;
      if (faults.delayMs > 0) await new Promise((r) => setTimeout(r, faults.delayMs));
      let method: string;
      let auth;
      if (segments.length === 3) {
        auth = authFromWebhook(core, segments[0]!, segments[1]!);
        method = segments[2]!;
      } else if (segments.length === 1) {
        auth = authFromToken(core, tokenFrom(params, req.headers.authorization));
        method = segments[0]!;
      } else {
        // UNVERIFIED(b24): REST v3 (/rest/api/…) is not emulated; answer as for an unknown method.
        throw errors.methodNotFound();
      }
      core.stats.restCallsTotal++;
      if (!core.limits.take(auth.limitKey)) throw errors.queryLimit();
      if (faults.errorRate > 0 && random() < faults.errorRate) {
        core.stats.faultsInjected++;
        // UNVERIFIED(b24): injected transient failures use documented codes (contract.md §2.6).
        throw random() < 0.5 ? errors.internal() : errors.queryLimit();
      }
      const out = await invoke(core, method, stripControl(params), auth);
      // The OAuth server's app.info names the installation (oauth/server-app-info.ts).
      if (auth.kind === 'app' && normaliseMethod(method) === 'app.info') return reply.send({ ...out, install: serverInstallInfo(core) });
      return reply.send(out);
    } catch (err) {
      if (err instanceof RestError) return sendRestError(core, reply, err);
      core.opts.logger.warn({ err }, 'emulator: method failed');
      return sendRestError(core, reply, errors.internal());
    }
  };
  app.route({ method: ['GET', 'POST'], url: '/rest/*', handler: handle });
}
