import { PermanentJobError, type Job, type JobContext } from '../../jobs/registry.js';
import { getCall, updateCall, type ActivityCall } from '../call-repo.js';
import { sendReturnValues } from '../bizproc-report.js';
import { isPermanent, reasonOf } from '../failures.js';

// Shared steps of the activity jobs: load the call of the job, finish it once, and turn a failure into
// either a retry (thrown back to the outbox) or a clear failed state reported to the workflow.

export async function loadCall(job: Job<{ callId: string }>, ctx: JobContext): Promise<ActivityCall> {
  if (!job.portalId) throw new PermanentJobError('activity job without portal');
  const call = await getCall(ctx.db, job.portalId, job.payload.callId);
  if (!call) throw new PermanentJobError(`activity call ${job.payload.callId} not found`);
  return call;
}

/** Stores the result and answers the workflow (once: a spent token counts as answered). */
export async function completeCall(
  ctx: JobContext,
  call: ActivityCall,
  returnValues: Record<string, unknown>,
  logMessage: string,
  failed = false,
): Promise<void> {
  await updateCall(ctx.db, call.portalId, call.id, {
    status: failed ? 'failed' : 'done',
    result: returnValues,
    ...(failed ? { error: String(returnValues.error ?? '') } : {}),
  });
  if (call.source !== 'activity') return;
  const b24 = await ctx.portal();
  await sendReturnValues(b24, call.key, returnValues, logMessage);
}

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
