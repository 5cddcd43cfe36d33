// app.info as the OAuth server answers it (doc: api-reference/oauth/simple-way.md — "to obtain a trusted
// status, call app.info on the authorization server: oauth.bitrix.info/rest/app.info";
// api-reference/common/system/app-info.md for `result`). Apps call it to learn which installation a
// token really belongs to, instead of trusting the domain or endpoint a request names.
// The emulator is the portal and the OAuth server on one address, so /rest/app.info serves both roles
// and its envelope carries this block beside `result`.
// UNVERIFIED(b24): the `install` block (member_id, domain, client_endpoint, …) is not on the doc page.
import type { Core } from '../core.js';
import { clientEndpoint, serverEndpoint } from '../core.js';

export function serverInstallInfo(core: Core): Record<string, unknown> {
  const app = core.state.app;
  return {
    installed: app?.installed ?? false,
    version: app?.version ?? 1,
    status: app?.status ?? core.opts.appStatus,
    scope: (app?.scope ?? []).join(','),
    domain: core.domain,
    uri: core.baseUrl,
    client_endpoint: clientEndpoint(core),
    server_endpoint: serverEndpoint(core),
    member_id: core.state.portal.memberId,
  };
}
