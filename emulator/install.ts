// Installing the app as a portal does it (contract.md §1.1–1.4): the install page gets the frame POST,
// the install handler gets ONAPPINSTALL; until installFinish an app with UI counts as not installed.
import type { Core } from './core.js';
import { serverEndpoint } from './core.js';
import { authBlock, authBlockWithoutTokens } from './events/auth-block.js';
import { postForm, type PostResult } from './events/bus.js';
import type { DeliveryRecord } from './stats.js';
import type { AppStatus } from './records/app.js';
import type { PortalUser } from './records/users.js';
import { isoDate, nowSec, randomToken } from './util.js';

export const DEFAULT_APP_SCOPE = [
  'crm',
  'userfieldconfig',
  'placement',
  'bizproc',
  'messageservice',
  'user_brief',
  'im',
  'disk',
  'telephony',
];

export interface InstallOptions {
  /** Install event handler ("Installation event handler URL"): gets ONAPPINSTALL. */
  handlerUrl?: string;
  /** Install page ("Installation application URL"): gets the frame POST; its presence makes this an app with UI. */
  installUrl?: string;
  /** "Your handler path" (the app's main page, PLACEMENT=DEFAULT); the install URL when absent. */
  appUrl?: string;
  applicationToken?: string;
  scope?: string[];
  version?: number;
  code?: string;
  status?: AppStatus;
  /** Admin who installs. */
  userId?: number;
  languageId?: string;
}

export interface UserAuth {
  accessToken: string;
  refreshToken: string;
  expires: number;
  expiresIn: number;
  userId: number;
  scope: string;
  domain: string;
  memberId: string;
  applicationToken: string;
  clientEndpoint: string;
  serverEndpoint: string;
  status: AppStatus;
}

export interface InstallResult {
  applicationToken: string;
  memberId: string;
  /** The installing admin's tokens (the same ones the frame POST and ONAPPINSTALL carried). */
  auth: UserAuth;
  installEvent?: DeliveryRecord;
  installFrame?: PostResult & { url: string };
}

export interface FrameRequest {
  url: string;
  query: Record<string, string>;
  body: Record<string, string>;
}

export function issueUserToken(core: Core, userId: number): UserAuth {
  const app = core.state.app;
  if (!app) throw new Error('emulator: the app is not installed');
  if (!core.state.users.some((u) => u.id === userId)) throw new Error(`emulator: no user ${userId}`);
  const pair = core.tokens.issue(userId, app.scope);
  core.changed();
  return {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expires: pair.expires,
    expiresIn: pair.expiresIn,
    userId,
    scope: app.scope.join(','),
    domain: core.domain,
    memberId: core.state.portal.memberId,
    applicationToken: app.applicationToken,
    clientEndpoint: `${core.baseUrl}/rest/`,
    serverEndpoint: serverEndpoint(core),
    status: app.status,
  };
}

/**
 * The POST a portal makes to open an app page or a placement handler in its iframe:
 * DOMAIN/PROTOCOL/LANG/APP_SID in the query, tokens and PLACEMENT in the form body (contract.md §1.2, §4.3).
 */
export function frameRequest(
  core: Core,
  handlerUrl: string,
  o: { userId?: number; placement?: string; placementOptions?: Record<string, unknown>; auth?: UserAuth } = {},
): FrameRequest {
  const auth = o.auth ?? issueUserToken(core, o.userId ?? 1);
  const app = core.state.app!;
  const query = { DOMAIN: core.domain, PROTOCOL: '0', LANG: app.languageId, APP_SID: randomToken() };
  const body: Record<string, string> = {
    AUTH_ID: auth.accessToken,
    AUTH_EXPIRES: String(auth.expiresIn),
    REFRESH_ID: auth.refreshToken,
    SERVER_ENDPOINT: auth.serverEndpoint,
    APPLICATION_TOKEN: app.applicationToken,
    APPLICATION_SCOPE: auth.scope,
    member_id: auth.memberId,
    status: app.status,
    PLACEMENT: o.placement ?? 'DEFAULT',
  };
  // PLACEMENT_OPTIONS is a JSON string on the wire, ids as strings (contract.md §4.3).
  if (o.placementOptions) body.PLACEMENT_OPTIONS = JSON.stringify(o.placementOptions);
  const url = new URL(handlerUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return { url: url.toString(), query, body };
}

export async function installApp(core: Core, o: InstallOptions): Promise<InstallResult> {
  const previous = core.state.app;
  // Handlers are removed when the app is deleted or updated; a reinstall starts without them.
  core.state.eventBindings = [];
  const hasUi = o.installUrl !== undefined;
  core.state.app = {
    clientId: core.opts.clientId,
    code: o.code ?? core.opts.clientId,
    version: o.version ?? previous?.version ?? 1,
    status: o.status ?? core.opts.appStatus,
    // Apps without UI count as installed at once; apps with UI wait for installFinish.
    installed: !hasUi,
    applicationToken: o.applicationToken ?? randomToken(),
    scope: o.scope ?? DEFAULT_APP_SCOPE,
    handlerUrl: o.handlerUrl,
    installUrl: o.installUrl,
    appUrl: o.appUrl,
    languageId: o.languageId ?? core.state.portal.languageId,
    installedAt: isoDate(),
  };
  core.changed();
  const app = core.state.app;
  const userId = o.userId ?? 1;
  const auth = issueUserToken(core, userId);
  const result: InstallResult = { applicationToken: app.applicationToken, memberId: core.state.portal.memberId, auth };
  if (o.handlerUrl) {
    const payload = {
      event: 'ONAPPINSTALL',
      // UNVERIFIED(b24): INSTALLED is 'N' while an app with UI still waits for installFinish.
      data: { VERSION: String(app.version), ACTIVE: 'Y', INSTALLED: app.installed ? 'Y' : 'N', LANGUAGE_ID: app.languageId },
      ts: String(nowSec()),
      auth: authBlock(core, { userId, withRefreshToken: true, pair: auth }),
    };
    result.installEvent = await core.events.send('ONAPPINSTALL', o.handlerUrl, payload);
  }
  if (o.installUrl) {
    const frame = frameRequest(core, o.installUrl, { auth });
    const res = await postForm(o.installUrl, frame.body, frame.query);
    result.installFrame = { ...res, url: frame.url };
  }
  return result;
}

/** What BX24.installFinish() does in the portal: the app now counts as installed. */
export function finishInstall(core: Core): void {
  if (!core.state.app) throw new Error('emulator: the app is not installed');
  core.state.app.installed = true;
  core.changed();
}

/**
 * A new version is installed: the app's event handlers are removed (doc: api-reference/events/event-bind.md —
 * "when deleting and updating the application, its actions will be removed … in the installer of each
 * version they need to be set from scratch"), then ONAPPUPDATE (full auth incl. refresh_token, doc:
 * api-reference/common/events/on-app-update.md) goes to the handlers that were bound to it. What the app
 * binds while handling ONAPPUPDATE is the new version's set and stays.
 * UNVERIFIED(b24): the order (handlers removed before the event is handled) — the docs only say both happen.
 */
export async function updateApp(core: Core, o: { version: number; applicationToken?: string; userId?: number }): Promise<DeliveryRecord[]> {
  const app = core.state.app;
  if (!app) throw new Error('emulator: the app is not installed');
  const previous = app.version;
  app.version = o.version;
  if (o.applicationToken) app.applicationToken = o.applicationToken;
  const updateHandlers = core.state.eventBindings.filter((x) => x.event === 'ONAPPUPDATE');
  core.state.eventBindings = [];
  core.changed();
  const records: DeliveryRecord[] = [];
  for (const b of updateHandlers) {
    const payload = {
      event: 'ONAPPUPDATE',
      event_handler_id: String(b.id),
      data: { VERSION: String(o.version), PREVIOUS_VERSION: String(previous), LANGUAGE_ID: app.languageId },
      ts: String(nowSec()),
      auth: authBlock(core, { userId: o.userId ?? 1, withRefreshToken: true }),
    };
    records.push(await core.events.send('ONAPPUPDATE', b.handler, payload, b.id));
  }
  return records;
}

/** A portal user (an employee): admin or not, as the portal's administrator adds one. Returns the new user. */
export function addUser(core: Core, o: { admin?: boolean; name?: string; lastName?: string } = {}): PortalUser {
  const id = Math.max(0, ...core.state.users.map((u) => u.id)) + 1;
  const user: PortalUser = {
    id,
    name: o.name ?? `User${id}`,
    lastName: o.lastName ?? 'Employee',
    email: `user${id}@portal.test`,
    admin: o.admin ?? false,
    role: o.admin ? 'admin' : 'manager',
    workPosition: o.admin ? 'Administrator' : 'Employee',
    gender: '',
    timeZone: 'UTC',
    departmentIds: [1],
  };
  core.state.users.push(user);
  core.changed();
  return user;
}

/**
 * Deletes the app: its tokens, handlers, placements, robots and SMS senders are gone, then ONAPPUNINSTALL
 * (auth without tokens, data.CLEAN) goes to the handlers that were bound to it. CRM data stays.
 * doc: api-reference/common/events/on-app-uninstall.md — "when an application is uninstalled, all access
 * permissions for the application to the API are removed" by the time the handler gets the event.
 */
export async function uninstallApp(core: Core, o: { clean?: boolean } = {}): Promise<DeliveryRecord[]> {
  const app = core.state.app;
  if (!app) return [];
  const deliveries = core.state.eventBindings
    .filter((x) => x.event === 'ONAPPUNINSTALL')
    .map((b) => ({
      b,
      payload: {
        event: 'ONAPPUNINSTALL',
        event_handler_id: String(b.id),
        data: { LANGUAGE_ID: app.languageId, CLEAN: o.clean ? 1 : 0 },
        ts: String(nowSec()),
        auth: authBlockWithoutTokens(core),
      },
    }));
  core.state.app = null;
  core.tokens.revokeAll();
  core.state.eventBindings = [];
  core.state.placements = [];
  core.state.activities = [];
  core.state.robots = [];
  core.state.smsSenders = [];
  core.changed();
  const records: DeliveryRecord[] = [];
  for (const { b, payload } of deliveries) records.push(await core.events.send('ONAPPUNINSTALL', b.handler, payload, b.id));
  return records;
}
