import type { ActivityDeps } from '../../activities/deps.js';
import { jobEntry, PermanentJobError, type JobHandler } from '../../jobs/job.js';
import type { OutgoingMail } from '../outgoing/outgoing-mail.js';
import { applyReplyOnce } from './apply-reply.js';
import { MAIL_REPLY_JOB, type ApplyReplyPayload } from './kinds.js';
import { noticeJob } from './notice-job.js';
import { todoJob } from './todo-job.js';

// The job kinds of applying bank replies, for the table in server/jobs/handlers.ts.

export interface MailApplyDeps {
  providers: ActivityDeps['providers'];
  mail: OutgoingMail;
  now: () => Date;
}

export function mailApplyJobEntries(deps: MailApplyDeps): [string, JobHandler][] {
  const apply: JobHandler<ApplyReplyPayload> = async (job, ctx) => {
    if (!job.portalId) throw new PermanentJobError('apply job without portal');
    const outcome = await applyReplyOnce(ctx.db, await ctx.portal(), job.portalId, job.payload.replyId, {
      userId: job.payload.userId,
      now: deps.now,
    });
    ctx.log.info({ portalId: job.portalId, replyId: job.payload.replyId, outcome }, 'bank reply applied');
  };
  return [
    jobEntry(MAIL_REPLY_JOB.apply, apply),
    jobEntry(MAIL_REPLY_JOB.notice, noticeJob(deps)),
    jobEntry(MAIL_REPLY_JOB.todo, todoJob(deps)),
  ];
}
