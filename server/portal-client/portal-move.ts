// A portal renamed to a new address (doc: settings/how-to-call-rest-api/change-domen.md): the old
// host answers 302 to the new one, and a POST must not be replayed blindly (a redirected POST turns
// into a GET and loses its body; the Location comes from whoever answers at the old host). We never
// follow the Location: the new address is the one the OAuth server names as `client_endpoint` in
// its token answer (doc: settings/oauth/index.md — "The address of the Bitrix24 REST interface. All
// method calls start with it"; its `domain` field is the AUTH SERVER's, so the portal's host is
// taken from client_endpoint). B24_OAUTH_SERVER is ours to configure, so its answer is trusted.

/** Error code our direct calls report for a 3xx from the portal. */
export const PORTAL_MOVED = 'PORTAL_MOVED';

/** A client may ask the OAuth server about a move at most this often (a forged DOMAIN costs one refresh). */
export const RELOCATE_MIN_INTERVAL_MS = 30_000;

export function isRedirectStatus(status: number): boolean {
  return status >= 300 && status < 400;
}

export interface PortalAddress {
  /** https://portal.example/rest/ */
  clientEndpoint: string;
  /** portal.example (with a port when it has one), lower-cased: what frames send as DOMAIN. */
  domain: string;
}

/** The REST address from a token answer, normalised; null unless it is a plain http(s) …/rest/ URL. */
export function addressFromOAuth(clientEndpoint: unknown): PortalAddress | null {
  if (typeof clientEndpoint !== 'string' || clientEndpoint.length > 1024) return null;
  let u: URL;
  try {
    u = new URL(clientEndpoint);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash) return null;
  if (!/\/rest\/?$/.test(u.pathname)) return null;
  const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { clientEndpoint: `${u.origin}${path}`, domain: u.host.toLowerCase() };
}
