// One OAuth server for several emulated portals, as oauth.bitrix.info is one server for every portal
// (doc: api-reference/oauth/index.md): a token exchange, and the server's app.info
// (oauth/server-app-info.ts), are answered by whichever portal issued the token. Each emulator is
// its own portal and OAuth server; tests with two portals point the app's B24_OAUTH_SERVER here.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OAuthHub {
  /** http://127.0.0.1:PORT — the app's B24_OAUTH_SERVER. */
  url: string;
  /** Another portal whose tokens this server answers for. */
  add(portal: { url: string }): void;
  close(): Promise<void>;
}

const ROUTES = new Set(['/oauth/token', '/rest/app.info', '/rest/app.info.json']);
// Answers that only say "not a token of this portal": the next portal may know it.
const NOT_MINE = new Set(['invalid_grant', 'NO_AUTH_FOUND', 'invalid_token']);
const MAX_BODY_BYTES = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

export async function createOAuthHub(portals: { url: string }[] = []): Promise<OAuthHub> {
  const known = [...portals];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
    if (!ROUTES.has(path) || (req.method !== 'GET' && req.method !== 'POST')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found' }));
      return;
    }
    const body = req.method === 'POST' ? (await readBody(req)).toString('utf8') : undefined;
    let fallback: { status: number; type: string; text: string } | undefined;
    for (const p of known) {
      const r = await fetch(`${p.url}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded', accept: 'application/json' },
        ...(body ? { body } : {}),
      });
      const answer = { status: r.status, type: r.headers.get('content-type') ?? 'application/json', text: await r.text() };
      if (r.ok) {
        res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.text);
        return;
      }
      let error = '';
      try {
        error = String((JSON.parse(answer.text) as { error?: unknown }).error ?? '');
      } catch {
        // not JSON: keep as a fallback answer
      }
      if (!fallback || !NOT_MINE.has(error)) fallback = answer;
      if (!NOT_MINE.has(error)) break;
    }
    const f = fallback ?? { status: 400, type: 'application/json', text: JSON.stringify({ error: 'invalid_request' }) };
    res.writeHead(f.status, { 'content-type': f.type }).end(f.text);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'hub_failed' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    add: (p) => {
      if (!known.some((k) => k.url === p.url)) known.push(p);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
