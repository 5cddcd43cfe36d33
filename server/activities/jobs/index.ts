import { registerSmsJobs } from '../../integrations/sms/sending/index.js';
import { activityConfig, smsProviderFor } from '../providers.js';
import { registerSendSmsJob } from './send-sms.js';
import { registerSmsSenderJob } from './sms-sender.js';
import { registerSmsStatusJob } from './sms-status.js';
import { registerPayoutJob } from './payout.js';
import { registerCallScriptJobs } from './call-script.js';
import { registerReportJob } from './report.js';

/** Registers every job of the activity blocks (and the SMS sending jobs they rely on). Idempotent. */
export function registerActivityJobs(): void {
  // Read at each run: the app registers jobs before main/tests configure the providers.
  const options = {
    get execute() {
      return activityConfig().sms;
    },
  };
  registerSmsJobs((portalId, _code, ctx) => smsProviderFor(portalId, ctx.db), options);
  registerSendSmsJob();
  registerSmsSenderJob();
  registerSmsStatusJob();
  registerPayoutJob();
  registerCallScriptJobs();
  registerReportJob();
}
