// The frame's half of session renewal (widgets/shared/session-client.ts): the user's portal auth,
// refreshed through the portal first, as proof for our server that the user is signed in to
// Bitrix24 right now. Never logged, never stored.
//
// Always through the portal, not the cached getAuthData(): the docs advise refreshAuth exactly for
// handing a token to your own server (sdk/bx24-js-sdk/system-functions/bx24-refresh-auth.md), and
// SDK 2.2.0 never refreshes a token that only our backend uses (b24jssdk #532).

/** What our renewal route takes (server/routes/session). */
export interface PortalAuth {
  accessToken: string;
  memberId: string;
  /** The portal origin, e.g. https://x.bitrix24.com. */
  domain: string;
}

/** The slice of the b24jssdk B24Frame this needs (b24.auth.refreshAuth → AuthData). */
export interface RefreshableFrame {
  readonly auth: { refreshAuth(): Promise<{ access_token: string; member_id: string; domain: string }> };
}

export async function freshAuthOf(b24: RefreshableFrame): Promise<PortalAuth> {
  const a = await b24.auth.refreshAuth();
  return { accessToken: String(a.access_token), memberId: String(a.member_id), domain: String(a.domain) };
}
