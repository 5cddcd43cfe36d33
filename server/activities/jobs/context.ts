import { PermanentJobError, type Job, type JobContext } from '../../jobs/job.js';
import { getCall, updateCall, type ActivityCall } from '../call-repo.js';
import type { ActivityCallStatus } from '../tables.js';
import { isPermanent, reasonOf } from '../failures.js';
import { fieldText } from '../../portal-client/field-text.js';
import { sendReturnValues } from '../bizproc-report.js';

// Shared steps of the activity jobs: load the call of the job, store its result once, answer the
// waiting workflow, and turn a failure into either a retry (thrown back to the outbox) or a clear
// failed result.
//
// The answer (bizproc.event.send) is sent by the job that stored the result, right after storing it.
// If the portal does not take it (5xx, rate limit, network), the job throws and the outbox runs it
// again: the call is settled by then, so the rerun only answers — the send or payout is never repeated.
// An activity job may run ACTIVITY_JOB_MAX_ATTEMPTS times (enough to outlast a portal outage of hours
// at the worker's back-off, ≤ 10 min apart), of which the work itself gets WORK_ATTEMPTS.
//
// doc: api-reference/bizproc/bizproc-robot/bizproc-event-send.md — the page lists only the system
// errors; the wire contract (contract.md §5.3) and the emulator answer 403 ACCESS_DENIED "Access denied!"
// for a token that is unknown, already answered or timed out (a finished workflow): the answer is
// spent either way, so it counts as delivered (sendReturnValues → 'already'). Any other 4xx from the
// portal cannot heal and dead-letters the job at once.

export const ACTIVITY_JOB_MAX_ATTEMPTS = 30;
export const WORK_ATTEMPTS = 6;

export async function loadCall(job: Job<{ callId: string }>, ctx: JobContext): Promise<ActivityCall> {
  if (!job.portalId) throw new PermanentJobError('activity job without portal');
  const call = await getCall(ctx.db, job.portalId, job.payload.callId);
  if (!call) throw new PermanentJobError(`activity call ${job.payload.callId} not found`);
  return call;
}

export const isSettled = (call: ActivityCall): boolean => call.status === 'done' || call.status === 'failed';

export interface CallOutcome {
  values: Record<string, unknown>;
  log: string;
  failed: boolean;
}

/** Sends a settled call's stored result to its workflow (a call from our SMS sender has none to answer). */
export async function reportCall(ctx: JobContext, call: ActivityCall): Promise<void> {
  if (call.source !== 'activity' || !isSettled(call) || !call.result) return;
  try {
    await sendReturnValues(await ctx.portal(), call.key, call.result, call.reportLog ?? undefined);
  } catch (e) {
    if (isPermanent(e)) throw new PermanentJobError(reasonOf(e));
    throw e;
  }
}

/**
 * Stores the result with its log line — only the first result of a call counts: a call already done
 * or failed keeps its own — then answers the workflow with what is stored.
 */
export async function settleCall(ctx: JobContext, call: ActivityCall, outcome: CallOutcome): Promise<void> {
  await updateCall(
    ctx.db,
    call.portalId,
    call.id,
    {
      status: outcome.failed ? 'failed' : 'done',
      result: outcome.values,
      reportLog: outcome.log,
      ...(outcome.failed ? { error: fieldText(outcome.values.error) } : {}),
    },
    OPEN_STATUSES,
  );
  const stored = await getCall(ctx.db, call.portalId, call.id);
  if (stored) await reportCall(ctx, stored);
}

const OPEN_STATUSES: ActivityCallStatus[] = ['received', 'running', 'waiting'];

/**
 * A failure of the work: thrown back to the outbox while work attempts remain and a retry may help;
 * otherwise the failed result the workflow gets (status=failed + the reason in its log).
 */
export function failOrRetry(job: Job, e: unknown, failedValues: (reason: string) => Record<string, unknown>, what: string): CallOutcome {
  const reason = reasonOf(e);
  if (!isPermanent(e) && job.attempts < Math.min(job.maxAttempts, WORK_ATTEMPTS)) throw e;
  return { values: failedValues(reason), log: `${what} failed: ${reason}`, failed: true };
}
