import { registerSmsJobs } from '../../integrations/sms/sending/index.js';
import { activityConfig, smsProviderFor } from '../providers.js';
import { registerSendSmsJob } from './send-sms.js';
import { registerSmsSenderJob } from './sms-sender.js';
import { registerSmsStatusJob } from './sms-status.js';
import { registerPayoutJob } from './payout.js';
import { registerCallScriptJobs } from './call-script.js';

/** Registers every job of the activity blocks (and the SMS sending jobs they rely on). Idempotent. */
export function registerActivityJobs(): void {
  const sms = activityConfig().sms;
  registerSmsJobs((portalId, _code, ctx) => smsProviderFor(portalId, ctx.db), sms ? { execute: sms } : {});
  registerSendSmsJob();
  registerSmsSenderJob();
  registerSmsStatusJob();
  registerPayoutJob();
  registerCallScriptJobs();
}
