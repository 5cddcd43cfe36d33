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
  type FrameRequest,
  type InstallOptions,
  type InstallResult,
  type UserAuth,
} from './install.js';
import { loadState, Persister } from './persist.js';
import { randomToken } from './util.js';
import type { DeliveryRecord } from './stats.js';

export type { EmulatorOptions, FaultOptions, EmulatorState, Stats, InstallOptions, InstallResult, UserAuth, FrameRequest, DeliveryRecord };
export type { Core } from './core.js';
export type { MethodTable, MethodDef, MethodContext, AuthContext } from './rest/registry.js';
export { Paged } from './rest/registry.js';
export { RestError } from './rest/errors.js';

export interface Emulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT — DOMAIN in frame POSTs and auth blocks. */
  domain: string;
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
  uninstallApp(o?: { clean?: boolean }): Promise<DeliveryRecord[]>;
  /** New app version: ONAPPUPDATE to its bound handlers, then all event handlers are wiped. */
  updateApp(o: { version: number; applicationToken?: string }): Promise<DeliveryRecord[]>;
  issueUserToken(userId: number): UserAuth;
  /** The frame POST (query + form body) a portal sends to open `handlerUrl` for a user/placement. */
  frameRequest(handlerUrl: string, o?: { userId?: number; placement?: string; placementOptions?: Record<string, unknown> }): FrameRequest;
  /** Fires an event to bound handlers (as the portal does after a change). */
  emit(event: string, data: Record<string, unknown>, o?: EmitOptions): void;
  /** Resolves when all event deliveries started so far are done. */
  idle(): Promise<void>;
  setFaults(f: Partial<FaultOptions>): void;
  close(): Promise<void>;
}

export interface CreateEmulatorExtras {
  /** Extra method tables (later areas) merged into the registry. */
  methods?: MethodTable[];
}

export async function createEmulator(opts: EmulatorOptions, extras: CreateEmulatorExtras = {}): Promise<Emulator> {
  const options = resolveOptions(opts);
  const state = (options.stateFile ? loadState(options.stateFile) : undefined) ?? createEmptyState(randomToken());
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
  const persister = new Persister(options.stateFile, () => core.state);
  const notify = new EventEmitter();
  const core: Core = {
    opts: options,
    state,
    stats: createStats(),
    tokens: new TokenService(state, options),
    events: undefined as unknown as EventBus,
    methods: allMethods(extras.methods),
    limits: new Limits(options),
    baseUrl: '',
    domain: '',
    notify,
    changed: () => persister.schedule(),
  };
  core.events = new EventBus(core);
  // Only a fresh portal is seeded; a state file from an earlier run keeps its own data.
  const fresh = itemsOf(state, ENTITY_DEAL).length === 0 && state.users.length <= 1;
  if (options.seedDemoData && fresh) {
    seedDemoData(core);
    persister.schedule();
  }
  registerOAuthRoutes(app, core);
  registerRestRoutes(app, core);
  registerAdminRoutes(app, core);
  await app.register(portalUiRoutes, { core });
  (await import('./workflows/register.js')).registerWorkflowArea(app, core);
  await app.listen({ port: options.port, host: options.host });
  const { port } = app.server.address() as AddressInfo;
  core.domain = `${options.host}:${port}`;
  core.baseUrl = `http://${core.domain}`;

  return {
    url: core.baseUrl,
    domain: core.domain,
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
    issueUserToken: (userId) => issueUserToken(core, userId),
    frameRequest: (handlerUrl, o) => frameRequest(core, handlerUrl, o),
    emit: (event, data, o) => core.events.emit(event, data, o),
    idle: () => core.events.idle(),
    setFaults: (f) => Object.assign(core.opts.faults, f),
    close: async () => {
      await core.events.idle();
      persister.flush();
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
