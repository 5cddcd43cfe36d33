import { PermanentJobError, type JobHandler } from '../../jobs/job.js';
import { getCall } from '../call-repo.js';
import { reportCall } from './context.js';

// 'activity.report' jobs were the workflow's answer as a job of its own, enqueued with the result.
// The activity jobs now answer themselves (context.ts settleCall); this drains the ones a previous
// version left in the outbox, with the log line they carry. Nothing enqueues this kind any more.

export interface ReportPayload {
  callId: string;
  logMessage: string;
}

export const queuedReportJob: JobHandler<ReportPayload> = async (job, ctx) => {
  if (!job.portalId) throw new PermanentJobError('report job without portal');
  const call = await getCall(ctx.db, job.portalId, job.payload.callId);
  if (!call) throw new PermanentJobError(`activity call ${job.payload.callId} not found`);
  await reportCall(ctx, { ...call, reportLog: call.reportLog ?? job.payload.logMessage });
};
