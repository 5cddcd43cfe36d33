import { PermanentJobError, type Job, type JobContext } from '../../jobs/registry.js';
import { getCall, updateCall, type ActivityCall } from '../call-repo.js';
import type { ActivityCallStatus } from '../tables.js';
import { enqueueReport } from './report.js';
import { isPermanent, reasonOf } from '../failures.js';
import { fieldText } from '../../portal/field-text.js';

// Shared steps of the activity jobs: load the call of the job, finish it once, and turn a failure into
// either a retry (thrown back to the outbox) or a clear failed state reported to the workflow.

export async function loadCall(job: Job<{ callId: string }>, ctx: JobContext): Promise<ActivityCall> {
  if (!job.portalId) throw new PermanentJobError('activity job without portal');
  const call = await getCall(ctx.db, job.portalId, job.payload.callId);
  if (!call) throw new PermanentJobError(`activity call ${job.payload.callId} not found`);
  return call;
}

/**
 * Stores the result and, in the same transaction, the job that answers the workflow with it
 * (jobs/report.ts): the result is never stored without its report, and a failed bizproc.event.send
 * is retried by that job instead of being lost behind a `done` call. Only the first result of a call
 * counts: a call already done or failed is left as it is (and so is its report).
 */
export async function completeCall(
  ctx: JobContext,
  call: ActivityCall,
  returnValues: Record<string, unknown>,
  logMessage: string,
  failed = false,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await updateCall(
      trx,
      call.portalId,
      call.id,
      {
        status: failed ? 'failed' : 'done',
        result: returnValues,
        ...(failed ? { error: fieldText(returnValues.error) } : {}),
      },
      OPEN_STATUSES,
    );
    if (changed && call.source === 'activity') await enqueueReport(trx, call, logMessage);
  });
}

const OPEN_STATUSES: ActivityCallStatus[] = ['received', 'running', 'waiting'];

/**
 * A failure: retried by the outbox while attempts remain and a retry may help; otherwise the call ends
 * `failed` with the reason, and the workflow gets status=failed + the reason in its log.
 */
export async function failOrRetry(
  job: Job,
  ctx: JobContext,
  call: ActivityCall,
  e: unknown,
  failedValues: (reason: string) => Record<string, unknown>,
  what: string,
): Promise<void> {
  const reason = reasonOf(e);
  if (!isPermanent(e) && job.attempts < job.maxAttempts) throw e;
  await completeCall(ctx, call, failedValues(reason), `${what} failed: ${reason}`, true);
}
