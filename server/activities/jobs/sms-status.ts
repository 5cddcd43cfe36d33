import { getJobHandler, registerJobHandler, type Job, type JobContext, type JobHandler } from '../../jobs/registry.js';
import { findSmsById, SMS_SEND_JOB, SMS_STATUS_JOB } from '../../integrations/sms/sending/index.js';
import { getCall } from '../call-repo.js';
import { logProgress } from '../bizproc-report.js';
import { completeCall } from './context.js';

// The sms.status job (enqueued by server/integrations/sms/sending once per status): reports it where
// the message came from — messageservice.message.status.update for our SMS sender, bizproc.event.send
// for the send_sms activity (first settled status: queued/sent/failed/unknown).

const MESSAGESERVICE_STATUSES = new Set(['queued', 'sent', 'delivered', 'undelivered', 'failed']);

interface SmsContext {
  source?: string;
  callId?: string;
  eventToken?: string;
  code?: string;
  messageId?: string;
}

async function report(job: Job<{ smsId: string; status: string }>, ctx: JobContext): Promise<void> {
  const sms = job.portalId ? await findSmsById(ctx.db, job.portalId, job.payload.smsId) : undefined;
  if (!sms) return;
  const c = (sms.context ?? {}) as SmsContext;
  const status = job.payload.status;
  const b24 = await ctx.portal();
  if (c.source === 'messageservice') {
    if (MESSAGESERVICE_STATUSES.has(status))
      await b24.call('messageservice.message.status.update', { CODE: c.code, MESSAGE_ID: c.messageId, STATUS: status });
    return;
  }
  if (c.source !== 'activity' || !c.callId) return;
  const call = await getCall(ctx.db, sms.portalId, c.callId);
  if (!call) return;
  if (call.status === 'done' || call.status === 'failed') {
    // Later receipts (delivered/undelivered) after the workflow moved on: nothing to wait for.
    return;
  }
  const failed = status === 'failed' || status === 'unknown';
  const values = {
    status,
    messageId: sms.providerMessageId ?? '',
    segments: sms.segments,
    ...(sms.lastError ? { error: sms.lastError } : {}),
  };
  const log = failed
    ? `SMS ${status}: ${sms.lastError ?? 'no reason given'}`
    : `SMS ${status}: ${sms.segments} part(s), id ${sms.providerMessageId ?? ''}`;
  await completeCall(ctx, call, values, log, failed);
}

/** After each attempt of an activity SMS that will be retried, say so in the workflow log. */
function withRetryLog(): void {
  const inner = getJobHandler(SMS_SEND_JOB);
  if (!inner || wrapped.has(inner)) return;
  const outer: JobHandler = async (job, ctx) => {
    await inner(job, ctx);
    const sms = job.portalId ? await findSmsById(ctx.db, job.portalId, (job.payload as { smsId: string }).smsId) : undefined;
    const c = (sms?.context ?? {}) as SmsContext;
    if (sms && sms.status === 'requested' && sms.lastError && c.source === 'activity' && c.eventToken) {
      await logProgress(
        await ctx.portal(),
        c.eventToken,
        `SMS attempt ${sms.attempts} of ${sms.maxAttempts} failed: ${sms.lastError}; retrying at ${new Date(sms.nextAttemptAt).toISOString()}`,
      );
    }
  };
  wrapped.add(outer);
  registerJobHandler(SMS_SEND_JOB, outer);
}

const wrapped = new WeakSet<JobHandler>();

export function registerSmsStatusJob(): void {
  registerJobHandler<{ smsId: string; status: string }>(SMS_STATUS_JOB, report);
  withRetryLog();
}
