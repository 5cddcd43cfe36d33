import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callWithToken } from './direct-call.js';

// A frame's token checked while the portal is over its rate limit: the call waits and repeats
// (QUERY_LIMIT_EXCEEDED, 503) a bounded number of times instead of reading as a refused token.
let server: Server;
let endpoint = '';
let limitedAnswers = 0;
let calls = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    calls += 1;
    if (limitedAnswers > 0) {
      limitedAnswers -= 1;
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { ID: '1', ADMIN: true } }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('a direct call under the portal’s rate limit', () => {
  it('waits and repeats until the portal answers', async () => {
    limitedAnswers = 2;
    calls = 0;
    const r = await callWithToken(endpoint, 'profile', 'tok', {}, 2000, [5, 5, 5]);
    expect(r).toMatchObject({ ok: true, result: { ID: '1' } });
    expect(calls).toBe(3);
  });

  it('gives up after the bounded waits with the limit as the error, not a refused token', async () => {
    limitedAnswers = 10;
    calls = 0;
    const r = await callWithToken(endpoint, 'profile', 'tok', {}, 2000, [5, 5, 5]);
    expect(r).toMatchObject({ ok: false, status: 503, error: 'QUERY_LIMIT_EXCEEDED' });
    expect(calls).toBe(4);
    limitedAnswers = 0;
  });
});

describe('the background bucket', () => {
  it('keeps a fifth of the portal’s bucket (at most 10) free for frames; small buckets are used whole', async () => {
    const { backgroundBurst } = await import('./platform.js');
    expect(backgroundBurst(50)).toBe(40);
    expect(backgroundBurst(250)).toBe(240);
    expect(backgroundBurst(20)).toBe(16);
    expect(backgroundBurst(5)).toBe(5);
  });
});
