// The table of REST methods. Each area file (methods/*.ts) exports a MethodTable; index.ts merges them.
// Later helpers add methods by exporting another table and listing it in methods/index.ts.
import type { Core } from '../core.js';
import type { RestError } from './errors.js';

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

/** A page of a list method: `result` plus `total` and `next` in the envelope (contract.md §2.3). */
export class Paged {
  constructor(
    readonly result: unknown,
    readonly total: number,
    readonly next?: number,
  ) {}
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
