// The emulated portal's UI: pages that host our placements in iframes and speak the frame
// protocol (frame-host.js), plus the few portal-side endpoints that protocol needs.
// Registered by createEmulator: `await app.register(portalUiRoutes, { core })`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Core } from '../core.js';
import { hostFromCore, type PortalHost } from './host.js';
import { portalLang } from './i18n.js';
import { appPage, dealCardPage, dealListPage, logsPage, type PageContext } from './pages.js';

export type PortalUiOptions = { core: Core } | { host: PortalHost };

const here = dirname(fileURLToPath(import.meta.url));
const FRAME_HOST_JS = readFileSync(join(here, 'frame-host.js'), 'utf8');
const PORTAL_CSS = readFileSync(join(here, 'portal.css'), 'utf8');

function context(host: PortalHost, req: FastifyRequest): PageContext {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const lang = portalLang(q.lang, host.defaultLang());
  const user = Number(q.user);
  const userId = Number.isInteger(user) && host.user(user) ? user : 1;
  return { host, lang, userId, keep: `lang=${lang}&user=${userId}` };
}

export const portalUiRoutes: FastifyPluginAsync<PortalUiOptions> = async (app, opts) => {
  const host = 'host' in opts ? opts.host : hostFromCore(opts.core);
  const html = 'text/html; charset=utf-8';

  app.get('/', async (_req, reply) => reply.redirect('/crm/deal/list/'));
  app.get('/crm/deal/list/', async (req, reply) => reply.type(html).send(dealListPage(context(host, req))));
  app.get('/crm/deal/details/:id/', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const deal = Number.isInteger(id) ? host.deal(id) : undefined;
    if (!deal) return reply.code(404).type(html).send('<p>Deal not found</p>');
    const tab = (req.query as Record<string, unknown>).tab;
    return reply.type(html).send(dealCardPage(context(host, req), deal, typeof tab === 'string' ? tab : undefined));
  });
  // The app's own page (PLACEMENT=DEFAULT): the install page until installFinish, then the app's
  // main URL (contract.md §1.1, §1.4: the portal launches the main URL after installFinish).
  app.get('/marketplace/app/', async (req, reply) => {
    const a = host.app();
    const url = a?.installed ? (a.appUrl ?? a.installUrl) : a?.installUrl;
    if (!url) return reply.code(404).type(html).send('<p>The app has no page</p>');
    return reply.type(html).send(appPage(context(host, req), url));
  });
  app.get('/portal-ui/logs', async (req, reply) => reply.type(html).send(logsPage(context(host, req))));
  app.get('/portal-ui/frame-host.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(FRAME_HOST_JS));
  app.get('/portal-ui/portal.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(PORTAL_CSS));

  // Portal-side halves of frame commands. The real portal does these in its own session; here the
  // page asks the emulator, which is the same process that holds the tokens.
  app.post('/portal-ui/api/frame-auth', async (req, reply) => {
    const userId = Number((req.body as Record<string, unknown> | undefined)?.userId ?? 1);
    if (!host.user(userId) || !host.app()) return reply.code(400).send({ error: 'NO_APP_OR_USER' });
    const a = host.issueToken(userId);
    return { AUTH_ID: a.accessToken, REFRESH_ID: a.refreshToken, AUTH_EXPIRES: a.expiresIn };
  });
  app.post('/portal-ui/api/refresh-auth', async (req, reply) => {
    const rt = (req.body as Record<string, unknown> | undefined)?.refreshToken;
    const a = typeof rt === 'string' ? host.refresh(rt) : undefined;
    if (!a) return reply.code(401).send({ error: 'invalid_grant' });
    return { AUTH_ID: a.accessToken, REFRESH_ID: a.refreshToken, AUTH_EXPIRES: a.expiresIn };
  });
  app.post('/portal-ui/api/install-finish', async () => {
    host.finishInstall();
    return { ok: true };
  });
};
