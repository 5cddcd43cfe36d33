// The shared insides of one emulated portal: options, state, services. Passed to method handlers,
// routes and the install flow; never exported to the app.
import type { ResolvedOptions } from './options.js';
import type { EmulatorState } from './state.js';
import type { Stats } from './stats.js';
import type { TokenService } from './oauth/tokens.js';
import type { EventBus } from './events/bus.js';
import type { MethodTable } from './rest/registry.js';
import type { Limits } from './limits.js';
import type { EventEmitter } from 'node:events';

export interface Core {
  opts: ResolvedOptions;
  state: EmulatorState;
  stats: Stats;
  tokens: TokenService;
  events: EventBus;
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
