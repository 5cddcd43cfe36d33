import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configProblem, isLocalHost, renderUrl, runHttpCheck, type HttpCheckConfig } from './http-check.js';

// A bureau as a local HTTP server: it answers by the phone in the query string, so each case of
// the adapter (verdict found, rejected, wrong status, not JSON, slow, huge) is a real HTTP exchange.
let server: Server;
let base = '';
const seen: { url: string; auth: string | undefined }[] = [];

function answer(req: IncomingMessage): { status: number; body: string; delayMs?: number } {
  const phone = new URL(req.url!, 'http://x').searchParams.get('phone');
  if (phone === '79000000001') return { status: 200, body: JSON.stringify({ result: { status: 'REJECT', why: 'in bureau list' } }) };
  if (phone === '79000000002') return { status: 503, body: 'busy' };
  if (phone === '79000000003') return { status: 200, body: '<html>' };
  if (phone === '79000000004') return { status: 200, body: '{}', delayMs: 1500 };
  if (phone === '79000000005') return { status: 200, body: JSON.stringify({ pad: 'x'.repeat(400_000) }) };
  return { status: 200, body: JSON.stringify({ result: { status: 'ok' } }) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, auth: req.headers['x-api-key'] as string | undefined });
    const a = answer(req);
    setTimeout(() => res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body), a.delayMs ?? 0);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const config = (over: Partial<HttpCheckConfig> = {}): HttpCheckConfig => ({
  urlTemplate: `${base}/check?phone={phone}&doc={document}`,
  method: 'GET',
  authHeader: 'X-Api-Key: s3cret',
  verdictPath: 'result.status',
  rejectValues: ['reject', 'blacklisted'],
  reasonPath: 'result.why',
  timeoutMs: 500,
  ...over,
});
const applicant = (phone: string) => ({ phone, document: 'ÑÚ 12/34', dealId: 7 });

describe('the HTTP check against a bureau', () => {
  it('fills the template URL-encoded and sends the auth header', async () => {
    expect(renderUrl('https://b.example/c?p={phone}&d={document}&id={dealId}', applicant('7+1'))).toBe(
      'https://b.example/c?p=7%2B1&d=%C3%91%C3%9A%2012%2F34&id=7',
    );
    expect(await runHttpCheck(config(), applicant('79123456789'))).toEqual({ outcome: 'pass', verdict: 'ok', reason: null });
    expect(seen.at(-1)!.auth).toBe('s3cret');
  });

  it('a reject value (any case) rejects, with the bureau’s reason', async () => {
    expect(await runHttpCheck(config(), applicant('79000000001'))).toEqual({
      outcome: 'reject',
      verdict: 'REJECT',
      reason: 'in bureau list',
    });
  });

  it('a wrong status, a non-JSON answer, a slow one and a huge one are errors, never a pass', async () => {
    expect(await runHttpCheck(config(), applicant('79000000002'))).toMatchObject({ outcome: 'error', code: 'CHECK_HTTP_STATUS' });
    expect(await runHttpCheck(config(), applicant('79000000003'))).toMatchObject({ outcome: 'error', code: 'CHECK_BAD_ANSWER' });
    expect(await runHttpCheck(config(), applicant('79000000004'))).toMatchObject({ outcome: 'error', code: 'CHECK_TIMEOUT' });
    expect(await runHttpCheck(config(), applicant('79000000005'))).toMatchObject({ outcome: 'error', code: 'CHECK_BAD_ANSWER' });
    expect(await runHttpCheck(config({ urlTemplate: 'http://127.0.0.1:1/x?p={phone}' }), applicant('1'))).toMatchObject({
      outcome: 'error',
      code: 'CHECK_UNREACHABLE',
    });
  });

  it('refuses a configuration that is not https, has an unknown placeholder or a two-line header', () => {
    expect(configProblem(config({ urlTemplate: 'http://b.example/?p={phone}' }))).toMatchObject({ field: 'urlTemplate' });
    expect(configProblem(config({ urlTemplate: 'https://b.example/?p={passport}' }))).toMatchObject({ field: 'urlTemplate' });
    expect(configProblem(config({ urlTemplate: 'https://b.example/?p={phone}', authHeader: 'X: a\r\nY: b' }))).toMatchObject({
      field: 'authHeader',
    });
    expect(configProblem(config({ urlTemplate: 'https://b.example/?p={phone}' }))).toBeNull();
  });

  it('keeps an admin from pointing the server at its own network unless local URLs are allowed', () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', 'db.internal'])
      expect(isLocalHost(h)).toBe(true);
    for (const h of ['api.buro.com.mx', '8.8.8.8', '172.32.0.1']) expect(isLocalHost(h)).toBe(false);
    expect(configProblem(config({ urlTemplate: 'https://169.254.169.254/latest?p={phone}' }))).toMatchObject({ field: 'urlTemplate' });
    expect(configProblem(config({ urlTemplate: 'https://user:pw@b.example/?p={phone}' }))).toMatchObject({ field: 'urlTemplate' });
    expect(configProblem(config(), true)).toBeNull();
  });
});
