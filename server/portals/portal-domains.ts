// B24_PORTAL_DOMAINS: which hosts a portal may have. Checked where a host enters: the install
// (install-service.ts) and a renamed portal's new address named by the OAuth server (token-refresh.ts).

/** B24_PORTAL_DOMAINS: comma-separated suffixes (".bitrix24.com") or exact hosts; empty allows any. */
export function domainAllowed(list: string, host: string): boolean {
  const rules = list
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  if (rules.length === 0) return true;
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return rules.some((r) => (r.startsWith('.') ? h.endsWith(r) && h.length > r.length : h === r));
}
