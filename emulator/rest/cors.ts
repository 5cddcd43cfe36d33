// The widget calls the portal's REST from the iframe, so /rest/* answers CORS for the app's origin.
// UNVERIFIED(b24): the exact CORS headers of a cloud portal are not documented.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../core.js';

const ALLOW_HEADERS = 'origin, content-type, accept, authorization';

export function allowedOrigins(core: Core): Set<string> {
  const set = new Set(core.opts.corsOrigins);
  const app = core.state.app;
  for (const url of [app?.handlerUrl, app?.installUrl, ...core.state.placements.map((p) => p.handler)]) {
    if (!url) continue;
    try {
      set.add(new URL(url).origin);
    } catch {
      /* not a URL: nothing to allow */
    }
  }
  set.add(core.baseUrl);
  return set;
}

export function applyCors(core: Core, req: FastifyRequest, reply: FastifyReply): void {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins(core).has(origin)) return;
  reply.header('access-control-allow-origin', origin);
  reply.header('vary', 'Origin');
}

export function registerCorsPreflight(app: FastifyInstance, core: Core): void {
  app.options('/rest/*', async (req, reply) => {
    applyCors(core, req, reply);
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', ALLOW_HEADERS);
    reply.header('access-control-max-age', '600');
    return reply.code(204).send();
  });
}
