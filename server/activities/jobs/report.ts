import { PermanentJobError, registerJobHandler, type Job, type JobContext } from '../../jobs/registry.js';
import { enqueue } from '../../jobs/outbox.js';
import type { Database } from '../../db/schema.js';
import type { Transaction } from 'kysely';
import { JOB_KIND } from '../codes.js';
import { getCall, type ActivityCall } from '../call-repo.js';
import { sendReturnValues } from '../bizproc-report.js';
import { isPermanent, reasonOf } from '../failures.js';

// The answer to a waiting workflow, as its own outbox job (one per call, key activity-report:<call id>):
// enqueued in the same transaction that stores the call's result, so a result is never stored without
// its report, and a portal 500 or a crash before bizproc.event.send only delays the answer (the outbox
// retries with back-off). The job ending `done` is the record that the portal accepted the answer.
//
// doc: api-reference/bizproc/bizproc-robot/bizproc-event-send.md — the page lists only the system
// errors; the wire contract (contract.md §5.3) and the emulator answer 403 ACCESS_DENIED "Access denied!"
// for a token that is unknown, already answered or timed out (a finished workflow): the answer is
// spent either way, so it counts as delivered (sendReturnValues → 'already'). 5xx, rate limits and
// network errors are retried; any other 4xx from the portal cannot heal and dead-letters at once.

export interface ReportPayload {
  callId: string;
  logMessage: string;
}

/** Enough attempts to outlast a portal outage of hours at the worker's back-off (≤ 10 min apart). */
export const REPORT_MAX_ATTEMPTS = 30;

export function enqueueReport(trx: Transaction<Database>, call: ActivityCall, logMessage: string): Promise<unknown> {
  return enqueue(trx, {
    portalId: call.portalId,
    kind: JOB_KIND.report,
    idempotencyKey: `activity-report:${call.id}`,
    payload: { callId: call.id, logMessage } satisfies ReportPayload,
    maxAttempts: REPORT_MAX_ATTEMPTS,
  });
}

async function report(job: Job<ReportPayload>, ctx: JobContext): Promise<void> {
  if (!job.portalId) throw new PermanentJobError('report job without portal');
  const call = await getCall(ctx.db, job.portalId, job.payload.callId);
  if (!call) throw new PermanentJobError(`activity call ${job.payload.callId} not found`);
  if (call.source !== 'activity' || !call.result) return;
  try {
    await sendReturnValues(await ctx.portal(), call.key, call.result, job.payload.logMessage);
  } catch (e) {
    if (isPermanent(e)) throw new PermanentJobError(reasonOf(e));
    throw e;
  }
}

export function registerReportJob(): void {
  registerJobHandler<ReportPayload>(JOB_KIND.report, report);
}
