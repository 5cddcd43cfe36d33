// The shared insides of one emulated portal: options, state, services. Passed to method handlers,
// routes and the install flow; never exported to the app.
import type { ResolvedOptions } from './options.js';
import type { EmulatorState } from './state.js';
import type { Stats } from './stats.js';
import type { TokenService } from './oauth/tokens.js';
import type { DeliveryRecord } from './stats.js';
import type { RestError } from './rest/errors.js';
import type { Limits } from './limits.js';
import type { EventEmitter } from 'node:events';

// Core, the event sender and the method table refer to each other, so their types live here, in the one
// file that imports none of the parts built on Core: events/bus.ts implements EventSender and
// rest/registry.ts re-exports the method types. That keeps the import graph free of cycles.

export interface EmitOptions {
  /** User who caused the change; their token goes into auth unless the binding has auth_type. */
  userId?: number;
  /**
   * The auth_connector the REST write carried (offline-events.md "How to avoid cycles"): offline
   * bindings made with the same key do not record the change.
   */
  authConnector?: string;
}

/** What the rest of the emulator may ask of event delivery (events/bus.ts is the one implementation). */
export interface EventSender {
  emit(event: string, data: Record<string, unknown>, o?: EmitOptions): void;
  send(event: string, url: string, payload: Record<string, unknown>, bindingId?: number): Promise<DeliveryRecord>;
  idle(): Promise<void>;
}

export interface AuthContext {
  /** app = OAuth token of an installed app (incl. frame tokens); webhook = incoming webhook URL. */
  kind: 'app' | 'webhook';
  userId: number;
  scope: string[];
  accessToken?: string;
  webhookId?: number;
  /** Key of the leaky bucket and operating-time accounting. */
  limitKey: string;
}

export interface MethodContext {
  core: Core;
  auth: AuthContext;
  /** Lowercase method name as called. */
  method: string;
}

export interface MethodDef {
  /** Scopes any of which grants the method; empty = no scope needed. */
  scope: string[];
  /** How a webhook call is refused: placement/im/telephony → WRONG_AUTH_TYPE, bizproc/messageservice → ACCESS_DENIED. */
  appOnly?: 'WRONG_AUTH_TYPE' | 'ACCESS_DENIED' | ((ctx: MethodContext) => RestError);
  adminOnly?: boolean;
  /** batch itself and file transfers cannot run inside batch. */
  notInBatch?: boolean;
  /** The outer batch call is not counted in operating time; its sub-calls are (contract.md §2.4). */
  skipOperating?: boolean;
  handler(ctx: MethodContext, params: Record<string, unknown>): unknown | Promise<unknown>;
}

export type MethodTable = Record<string, MethodDef>;

export interface Core {
  opts: ResolvedOptions;
  state: EmulatorState;
  stats: Stats;
  tokens: TokenService;
  events: EventSender;
  methods: MethodTable;
  limits: Limits;
  /** http://127.0.0.1:PORT (known once listening). */
  baseUrl: string;
  /** 127.0.0.1:PORT — the portal's DOMAIN (a new one after a rename, rename.ts). */
  domain: string;
  /** Where the OAuth server answers: the first address, kept across a rename. */
  oauthBaseUrl: string;
  /** In-process signals for other emulator parts (workflow runner, SMS log): 'bizproc.event.send', 'messageservice.status', 'state.changed'. */
  notify: EventEmitter;
  /** Marks the state dirty so it is persisted (when a state file is configured). */
  changed(): void;
}

export function clientEndpoint(core: Core): string {
  return `${core.baseUrl}/rest/`;
}

/** The OAuth server lives in the same emulator, so serverEndpoint minus `/rest/` is the token URL base. */
export function serverEndpoint(core: Core): string {
  return `${core.oauthBaseUrl}/rest/`;
}
