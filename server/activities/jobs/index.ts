import { jobEntry } from '../../jobs/job.js';
import { SMS_SEND_JOB, SMS_STATUS_JOB, smsSendJob } from '../../integrations/sms/sending/index.js';
import { JOB_KIND } from '../codes.js';
import type { ActivityDeps } from '../deps.js';
import { sendSmsJob } from './send-sms.js';
import { smsSenderJob } from './sms-sender.js';
import { smsStatusJob } from './sms-status.js';
import { payoutJob } from './payout.js';
import { callScriptFinishJob, callScriptStartJob } from './call-script.js';
import { queuedReportJob } from './report.js';
import { checkApplicantJob, type CheckJobDeps } from './check-applicant.js';

/** The jobs of our robots and of our SMS sender, for server/jobs/handlers.ts. */
export function activityJobEntries(deps: ActivityDeps, checks: CheckJobDeps) {
  return [
    // Robots: one job each from the call to the workflow's answer.
    jobEntry(JOB_KIND.send_sms, sendSmsJob(deps)),
    jobEntry(JOB_KIND.payout, payoutJob(deps)),
    jobEntry(JOB_KIND.check_applicant, checkApplicantJob(checks)),
    jobEntry(JOB_KIND.call_script, callScriptStartJob(deps)),
    jobEntry(JOB_KIND.callScriptFinish, callScriptFinishJob(deps)),
    jobEntry(JOB_KIND.report, queuedReportJob),
    // Our SMS sender (messageservice): store → send → statuses back to Bitrix24.
    jobEntry(JOB_KIND.smsSender, smsSenderJob(deps)),
    jobEntry(
      SMS_SEND_JOB,
      smsSendJob((portalId) => deps.providers.sms(portalId), { ...(deps.options.sms ? { execute: deps.options.sms } : {}) }),
    ),
    jobEntry(SMS_STATUS_JOB, smsStatusJob),
  ];
}
