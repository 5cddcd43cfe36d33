import type { Trx } from '../../db/executor.js';
import { uuidv7 } from '../../security/uuidv7.js';

/** The outbox job a loan operation asks for; the shape of server/jobs' enqueue(). */
export interface OutboxJob {
  portalId: string;
  kind: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

export type EnqueueFn = (trx: Trx, job: OutboxJob) => Promise<unknown>;

/** The job kind that pushes a loan's schedule and deal fields to the portal (see sync/). */
export const LOAN_SYNC_JOB = 'loan.sync';

/** What operations need from outside: the clock, id making and (when bound) the outbox. */
export interface LoanDeps {
  now: () => Date;
  newId: () => string;
  /** When absent the caller must push the sync itself (syncLoanToPortal). */
  enqueue?: EnqueueFn;
}

export function defaultLoanDeps(overrides: Partial<LoanDeps> = {}): LoanDeps {
  return { now: () => new Date(), newId: () => uuidv7(), ...overrides };
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export interface Actor {
  userId: number | null;
}
