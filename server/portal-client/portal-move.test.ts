import { describe, expect, it } from 'vitest';
import { addressFromOAuth, isRedirectStatus } from './portal-move.js';

describe('addressFromOAuth', () => {
  it('takes the REST address and its host from a token answer', () => {
    expect(addressFromOAuth('https://New-Name.bitrix24.es/rest/')).toEqual({
      clientEndpoint: 'https://new-name.bitrix24.es/rest/',
      domain: 'new-name.bitrix24.es',
    });
    expect(addressFromOAuth('http://127.0.0.1:4711/rest')).toEqual({
      clientEndpoint: 'http://127.0.0.1:4711/rest/',
      domain: '127.0.0.1:4711',
    });
  });

  it('refuses anything that is not a plain http(s) …/rest/ address', () => {
    for (const bad of [
      undefined,
      42,
      '',
      'not a url',
      'ftp://x.example/rest/',
      'https://u:p@x.example/rest/',
      'https://x.example/',
      'https://x.example/rest/?a=1',
      `https://x.example/rest/${'a'.repeat(1100)}`,
    ])
      expect(addressFromOAuth(bad)).toBeNull();
  });

  it('3xx are redirects, nothing else', () => {
    expect([301, 302, 307, 308].every(isRedirectStatus)).toBe(true);
    expect([200, 400, 401, 500].some(isRedirectStatus)).toBe(false);
  });
});
