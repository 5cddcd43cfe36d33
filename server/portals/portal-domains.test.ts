import { describe, expect, it } from 'vitest';
import { domainAllowed } from './portal-domains.js';

describe('domainAllowed', () => {
  it('allows any host when unset, otherwise only the listed suffixes or hosts', () => {
    expect(domainAllowed('', '127.0.0.1:7001')).toBe(true);
    const list = '.bitrix24.com, .bitrix24.ru ,portal.example.org';
    expect(domainAllowed(list, 'acme.bitrix24.com')).toBe(true);
    expect(domainAllowed(list, 'ACME.Bitrix24.RU:443')).toBe(true);
    expect(domainAllowed(list, 'portal.example.org')).toBe(true);
    expect(domainAllowed(list, 'bitrix24.com.evil.io')).toBe(false);
    expect(domainAllowed(list, 'evilbitrix24.com')).toBe(false);
    expect(domainAllowed(list, '.bitrix24.com')).toBe(false);
    expect(domainAllowed(list, '169.254.169.254')).toBe(false);
  });
});
