// A local Bitrix24 portal: OAuth server, REST v2 subset, events, install flow, limits and faults.
// It follows shared/bitrix24/contract.md and the fixtures, never what our app happens to do.
import Fastify, { type FastifyInstance } from 'fastify';
import qs from 'qs';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { resolveOptions, type EmulatorOptions, type FaultOptions, type ResolvedOptions } from './options.js';
import { createEmptyState, ENTITY_DEAL, itemsOf, type EmulatorState } from './state.js';
import { seedDemoData } from './demo-data.js';
import { createStats, type Stats } from './stats.js';
import { TokenService } from './oauth/tokens.js';
import { registerOAuthRoutes } from './oauth/routes.js';
import { EventBus, type EmitOptions } from './events/bus.js';
import { Limits } from './limits.js';
import type { Core } from './core.js';
import { allMethods } from './methods/index.js';
import type { MethodTable } from './rest/registry.js';
import { registerRestRoutes } from './rest/route.js';
import { registerAdminRoutes } from './admin/routes.js';
import { portalUiRoutes } from './portal-ui/routes.js';
import {
  finishInstall,
  frameRequest,
  installApp,
  issueUserToken,
  uninstallApp,
  updateApp,
  addUser,
  type FrameRequest,
  type InstallOptions,
  type InstallResult,
  type UserAuth,
} from './install.js';
import { loadState, Persister } from './persist.js';
import { installRenamer } from './rename.js';
import { randomToken } from './util.js';
import { DEFAULT_EXTENSIONS, type EmulatorExtension } from './extensions.js';
import { createWorkflowToken } from './bizproc-tokens.js';
import { createWebhook } from './admin/webhooks.js';
import type { Placement } from './records/bindings.js';
import type { PortalUser } from './records/users.js';
import type { WorkflowToken } from './records/messages.js';
import { DEAL_FIELDS } from './crm/fields.js';
import { fromLegacy, toLegacy } from './crm/convert.js';
import { createRecord, entityInfo, updateRecord } from './crm/store.js';
import type { DeliveryRecord } from './stats.js';

export type { EmulatorOptions, FaultOptions, EmulatorState, Stats, InstallOptions, InstallResult, UserAuth, FrameRequest, DeliveryRecord };
export type { Core } from './core.js';
export type { EmulatorExtension } from './extensions.js';
export type { Placement, SmsSender, BizprocRegistration, EventBinding } from './records/bindings.js';
export type { WorkflowToken, SmsMessage } from './records/messages.js';
export type { PortalUser } from './records/users.js';
export { frameRequest, issueUserToken } from './install.js';
export { createOAuthHub, type OAuthHub } from './oauth/hub.js';
export { authBlock } from './events/auth-block.js';
export { postForm } from './events/bus.js';
export type { MethodTable, MethodDef, MethodContext, AuthContext } from './rest/registry.js';
export { Paged } from './rest/registry.js';
export { RestError } from './rest/errors.js';

export interface Emulator {
  /** http://127.0.0.1:PORT — the portal's current address (it changes on renamePortal). */
  readonly url: string;
  /** 127.0.0.1:PORT — DOMAIN in frame POSTs and auth blocks. */
  readonly domain: string;
  /** The OAuth server's address (B24_OAUTH_SERVER): the first one, kept across a rename. */
  readonly oauthUrl: string;
  memberId: string;
  app: FastifyInstance;
  state: EmulatorState;
  options: ResolvedOptions;
  /** In-process signals: 'bizproc.event.send' (WorkflowToken), 'messageservice.status' (SmsMessage). */
  notify: EventEmitter;
  /** Internals for other emulator parts (portal UI, workflows, SMS): add routes and methods through it. */
  core: Core;
  stats(): Stats;
  installApp(o: InstallOptions): Promise<InstallResult>;
  finishInstall(): void;
  /** Deletes the app: tokens revoked and registrations gone, then ONAPPUNINSTALL to the handlers bound to it. */
  uninstallApp(o?: { clean?: boolean }): Promise<DeliveryRecord[]>;
  /** New app version: all event handlers are wiped, then ONAPPUPDATE goes to the handlers that were bound to it. */
  updateApp(o: { version: number; applicationToken?: string; userId?: number }): Promise<DeliveryRecord[]>;
  /** Adds a portal employee (not an administrator unless `admin`); issueUserToken(id) gives their valid token. */
  addUser(o?: { admin?: boolean; name?: string; lastName?: string }): PortalUser;
  issueUserToken(userId: number): UserAuth;
  /** The frame POST (query + form body) a portal sends to open `handlerUrl` for a user/placement. */
  frameRequest(handlerUrl: string, o?: { userId?: number; placement?: string; placementOptions?: Record<string, unknown> }): FrameRequest;
  /** Fires an event to bound handlers (as the portal does after a change). */
  emit(event: string, data: Record<string, unknown>, o?: EmitOptions): void;
  /** Resolves when all event deliveries started so far are done. */
  idle(): Promise<void>;
  setFaults(f: Partial<FaultOptions>): void;
  /** Every access token issued so far expires now (calls answer expired_token); returns how many. */
  expireAccessTokens(): number;
  /** Access tokens issued from now on live `sec` seconds (tokens already issued keep their expiry). */
  setAccessTtlSec(sec: number): void;
  /** Empties the leaky buckets and operating-time windows, as if the portal had been idle long enough. */
  resetLimits(): void;
  /** Incoming webhook as an admin creates it (Developer resources). */
  createWebhook(o?: { userId?: number; scope?: string[] }): Webhook;
  /** A fresh event_token for an activity/robot call (workflow runner); bizproc.event.send accepts it once. */
  createWorkflowToken(o: { code: string; workflowId?: string }): WorkflowToken;
  /** Placements the portal shows: none until the install is finished (contract.md §1.1). */
  visiblePlacements(code?: string): Placement[];
  /** A user changing a deal in the UI (legacy field names); fires ONCRMDEAL* like REST changes do. */
  createDeal(fields: Record<string, unknown>, userId?: number): Record<string, unknown>;
  updateDeal(id: number, fields: Record<string, unknown>, userId?: number): Record<string, unknown> | undefined;
  /** The portal moves to a new address (rename.ts): the old one answers 302, token answers carry the new client_endpoint. */
  renamePortal(o?: { host?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface CreateEmulatorExtras {
  /** Extra method tables merged into the registry. */
  methods?: MethodTable[];
  /** Extensions in addition to DEFAULT_EXTENSIONS (emulator/extensions.ts). */
  extensions?: EmulatorExtension[];
}

export interface Webhook {
  id: number;
  userId: number;
  secret: string;
  scope: string[];
  /** https-less base like a portal prints it: http://127.0.0.1:PORT/rest/<userId>/<secret>/ */
  url: string;
}

export async function createEmulator(opts: EmulatorOptions, extras: CreateEmulatorExtras = {}): Promise<Emulator> {
  const options = resolveOptions(opts);
  const loaded = options.stateFile ? loadState(options.stateFile) : undefined;
  // Fields added in later versions get their defaults when an older state file is loaded.
  const state = loaded ? { ...createEmptyState(loaded.portal.memberId), ...loaded } : createEmptyState(randomToken());
  if (options.smartProcessLimit !== undefined || options.smartProcessItemsRestricted)
    state.portal.plan = {
      ...state.portal.plan,
      ...(options.smartProcessLimit !== undefined ? { smartProcessLimit: options.smartProcessLimit } : {}),
      ...(options.smartProcessItemsRestricted ? { smartProcessItemsRestricted: true } : {}),
    };
  const app = Fastify({
    logger: false,
    bodyLimit: 50 * 1024 * 1024,
    routerOptions: {
      ignoreDuplicateSlashes: true,
      ignoreTrailingSlash: true,
      querystringParser: (s: string) => qs.parse(s, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }) as Record<string, unknown>,
    },
  });
  registerBodyParsers(app);
  // A body the parsers reject: REST callers get the portal's error envelope, not Fastify's.
  app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (req.url.startsWith('/rest/')) {
      // UNVERIFIED(b24): the portal's answer to a malformed body is not documented.
      return reply
        .code(status)
        .send({ error: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'INVALID_REQUEST', error_description: err.message });
    }
    return reply.code(status).send({ error: err.message });
  });
  const extensions = [...DEFAULT_EXTENSIONS, ...(extras.extensions ?? [])];
  const persister = new Persister(options.stateFile, () => core.state);
  const notify = new EventEmitter();
  const core: Core = {
    opts: options,
    state,
    stats: createStats(),
    tokens: new TokenService(state, options),
    events: undefined as unknown as EventBus,
    methods: allMethods([...extensions.flatMap((e) => (e.methods ? [e.methods] : [])), ...(extras.methods ?? [])]),
    limits: new Limits(options),
    baseUrl: '',
    domain: '',
    oauthBaseUrl: '',
    notify,
    changed: () => persister.schedule(),
  };
  core.events = new EventBus(core);
  // Only a fresh portal is seeded; a state file from an earlier run keeps its own data.
  const fresh = itemsOf(state, ENTITY_DEAL).length === 0 && state.users.length <= 1;
  if (options.seedDemoData && fresh) {
    seedDemoData(core, options.seedDemoData);
    persister.schedule();
  }
  const renamer = installRenamer(app, core);
  registerOAuthRoutes(app, core);
  registerRestRoutes(app, core);
  registerAdminRoutes(app, core);
  for (const e of extensions) await e.register?.(app, core);
  await app.register(portalUiRoutes, { core });
  (await import('./workflows/register.js')).registerWorkflowArea(app, core);
  await app.listen({ port: options.port, host: options.host });
  const { port } = app.server.address() as AddressInfo;
  core.domain = `${options.host}:${port}`;
  core.baseUrl = `http://${core.domain}`;
  core.oauthBaseUrl = core.baseUrl;

  return {
    get url() {
      return core.baseUrl;
    },
    get domain() {
      return core.domain;
    },
    oauthUrl: core.oauthBaseUrl,
    memberId: state.portal.memberId,
    app,
    get state() {
      return core.state;
    },
    options,
    notify,
    core,
    stats: () => core.stats,
    installApp: (o) => installApp(core, o),
    finishInstall: () => finishInstall(core),
    uninstallApp: (o) => uninstallApp(core, o),
    updateApp: (o) => updateApp(core, o),
    addUser: (o) => addUser(core, o),
    issueUserToken: (userId) => issueUserToken(core, userId),
    frameRequest: (handlerUrl, o) => frameRequest(core, handlerUrl, o),
    emit: (event, data, o) => core.events.emit(event, data, o),
    idle: () => core.events.idle(),
    setFaults: (f) => Object.assign(core.opts.faults, f),
    expireAccessTokens: () => core.tokens.expireAllAccess(),
    setAccessTtlSec: (sec) => {
      core.opts.accessTtlSec = sec;
    },
    resetLimits: () => core.limits.reset(),
    createWebhook: (o = {}) => createWebhook(core, o),
    createWorkflowToken: (o) => createWorkflowToken(core, o),
    visiblePlacements: (code) =>
      core.state.app?.installed ? core.state.placements.filter((p) => code === undefined || p.placement === code.toUpperCase()) : [],
    createDeal: (fields, userId = 1) =>
      toLegacy(
        createRecord(core, entityInfo(core, ENTITY_DEAL)!, fromLegacy(fields, DEAL_FIELDS, { allowImmutable: true }), userId),
        DEAL_FIELDS,
      ),
    updateDeal: (id, fields, userId = 1) => {
      const rec = updateRecord(core, entityInfo(core, ENTITY_DEAL)!, id, fromLegacy(fields, DEAL_FIELDS, { allowImmutable: true }), userId);
      return rec ? toLegacy(rec, DEAL_FIELDS) : undefined;
    },
    renamePortal: (o) => renamer.rename(o),
    close: async () => {
      await core.events.idle();
      persister.flush();
      await renamer.close();
      await app.close();
    },
  };
}

function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  // An empty JSON body is a call without params, not an error.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      const err = Object.assign(new Error('Invalid JSON body'), { statusCode: 400 });
      done(err, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, qs.parse(String(body), { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }));
  });
  // UNVERIFIED(b24): multipart uploads are not emulated; the body is ignored (use base64 fileContent).
  app.addContentTypeParser('multipart/form-data', (_req, payload, done) => {
    payload.resume();
    payload.on('end', () => done(null, {}));
  });
}
