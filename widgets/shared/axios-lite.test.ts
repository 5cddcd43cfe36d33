import { afterEach, describe, expect, it, vi } from 'vitest';
import axios, { AxiosError } from './axios-lite.js';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(impl: (url: string, init: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal('fetch', fn);
  return fn;
}

describe('axios-lite (the SDK transport in widget bundles)', () => {
  it('POSTs JSON and answers {status, data} like axios', async () => {
    const fetchFn = stubFetch(
      async () => new Response('{"result":{"ID":"1"},"time":{}}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const res = await axios.create({ headers: {} }).post('http://portal.test/rest/profile?x=1', { auth: 'tok' });
    expect(res).toMatchObject({ status: 200, data: { result: { ID: '1' } } });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('http://portal.test/rest/profile?x=1');
    expect(init).toMatchObject({ method: 'POST', body: '{"auth":"tok"}' });
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('turns 401 expired_token into an AxiosError carrying the response (the SDK refreshes on it)', async () => {
    stubFetch(
      async () => new Response('{"error":"expired_token","error_description":"The access token provided has expired."}', { status: 401 }),
    );
    const err = await axios
      .create()
      .post('http://portal.test/rest/profile', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AxiosError);
    expect(err).toMatchObject({ code: 'ERR_BAD_REQUEST', status: 401, response: { status: 401, data: { error: 'expired_token' } } });
  });

  it('reports 5xx as ERR_BAD_RESPONSE, a dead network as ERR_NETWORK and a slow server as ECONNABORTED', async () => {
    stubFetch(async () => new Response('oops', { status: 503 }));
    expect(
      await axios
        .create()
        .post('http://p/rest/x', {})
        .catch((e: unknown) => e),
    ).toMatchObject({ code: 'ERR_BAD_RESPONSE', response: { data: 'oops' } });
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(
      await axios
        .create()
        .post('http://p/rest/x', {})
        .catch((e: unknown) => e),
    ).toMatchObject({ code: 'ERR_NETWORK' });
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const slow = await axios
      .create({ timeout: 20, timeoutErrorMessage: 'Request timeout exceeded' })
      .post('http://p/rest/x', {})
      .catch((e: unknown) => e);
    expect(slow).toMatchObject({ code: 'ECONNABORTED', message: 'Request timeout exceeded' });
  });
});
