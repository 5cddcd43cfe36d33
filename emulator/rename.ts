// A portal renamed to a new address. doc: settings/how-to-call-rest-api/change-domen.md — "When
// accessing an outdated address, Bitrix24 performs a redirect to the new one": the old host answers
// 302 with the new address in Location (a POST is not replayed by the portal). The OAuth server does
// not move (doc: settings/oauth/index.md — client_endpoint is "the address of the Bitrix24 REST
// interface"), so after the rename its token answers carry the NEW client_endpoint.
// The emulator gets a second listener for the new address; the old one keeps serving the OAuth
// server (/oauth/token/) and the emulator's own admin API, and answers 302 for everything else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Core } from './core.js';

export interface Renamer {
  /**
   * Moves the portal to a new address — a fresh port on the same host, or on `host` (another loopback
   * address such as 127.0.0.2 stands for a new domain) — and returns the new base URL.
   */
  rename(o?: { host?: string }): Promise<string>;
  close(): Promise<void>;
}

// UNVERIFIED(b24): which paths of the old host still answer after a rename is not documented;
// the cloud OAuth server is another host altogether, so it is kept here.
const KEPT_ON_OLD_HOST = /^\/(?:oauth\/token\/?|emulator\/api\/)/;

export function installRenamer(app: FastifyInstance, core: Core): Renamer {
  const former = new Set<string>();
  const servers: Server[] = [];
  app.addHook('onRequest', async (req, reply) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!former.has(host) || KEPT_ON_OLD_HOST.test(req.url)) return;
    return reply.code(302).header('location', `${core.baseUrl}${req.url}`).send();
  });
  return {
    async rename(o = {}) {
      const host = o.host ?? core.opts.host;
      const server = createServer((req, res) => app.routing(req, res));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => resolve());
      });
      servers.push(server);
      former.add(core.domain.toLowerCase());
      core.domain = `${host}:${(server.address() as AddressInfo).port}`;
      core.baseUrl = `http://${core.domain}`;
      core.changed();
      return core.baseUrl;
    },
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.closeAllConnections();
              s.close(() => r());
            }),
        ),
      );
    },
  };
}
