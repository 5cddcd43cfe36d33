import type { ActivityDeps } from '../activities/deps.js';
import { activityJobEntries } from '../activities/jobs/index.js';
import type { CheckJobDeps } from '../activities/jobs/check-applicant.js';
import { ACKNOWLEDGED_EVENT_JOBS, acknowledgeEventJob } from '../events/event-jobs.js';
import { DEAL_DELETED_JOB, dealDeletedJob } from '../events/deal-deleted.js';
import { LOAN_SYNC_JOB } from '../loans/operations/deps.js';
import { loanSyncJob } from '../loans/sync/job.js';
import { DAILY_RESYNC_JOB, dailyResyncJob } from '../scheduler/daily-resync.js';
import { jobEntry, PermanentJobError, type JobHandlers } from './job.js';
import { reminderJobEntries } from '../reminders/jobs.js';
import { reminderSender } from '../reminders/sender.js';
import { lifecycleJobEntries, withLoanStage, type LifecycleDeps } from '../lifecycle/jobs.js';
import type { OutgoingMail } from '../mail/outgoing/outgoing-mail.js';
import { bankSendJob } from '../mail/outgoing/bank-send-job.js';
import { bankReportJob } from '../mail/outgoing/bank-report-job.js';
import { BANK_REPORT_JOB } from '../mail/inbox/delivery-report-record.js';
import { BANK_SEND_JOB, BANK_SMS_JOB } from '../mail/outgoing/queue-bank-messages.js';
import { bankSmsJob } from '../mail/outgoing/bank-sms-job.js';
import type { SecretBox } from '../security/crypto.js';
import { TRIGGER_JOB } from '../triggers/codes.js';
import { fireTriggerJob } from '../triggers/fire-trigger.js';
import { mailApplyJobEntries } from '../mail/apply/jobs.js';
import { PACK_DELIVER_JOB, PACK_FILL_JOB, packDeliverJob, packFillJob, type PackJobDeps } from '../documents/packs/pack-jobs.js';
import { payoutJobEntries, type PayoutProviderResolver } from '../payouts/payout-jobs.js';

// Every job kind the app runs and its handler, in one place. Add a kind here (and enqueue it inside a
// transaction with server/jobs/outbox.ts `enqueue`); its dependencies come in as arguments. Each
// handler gets the database, a logger and the job's portal client through its JobContext.

export interface JobDeps {
  activities: ActivityDeps;
  /** The applicant check's secrets box (blacklist hashes) and whether local bureau URLs may run. */
  checks: CheckJobDeps;
  /** The deal lifecycle's clock (tests move it); the payment provider comes from `activities`. */
  lifecycle?: Partial<Pick<LifecycleDeps, 'now'>>;
  /** Mail sent on a portal's behalf through its own SMTP account (server/mail/outgoing/): bank messages, client notices. */
  mail: OutgoingMail;
  /** The app's SecretBox: rows sealed at rest that a job must read (bank messages). */
  secrets: SecretBox;
  /** Document packs: the LibreOffice previewer (null or absent: previews off, they read 'unavailable'). */
  documents?: Pick<PackJobDeps, 'previewer'>;
}

export function jobHandlers(deps: JobDeps): JobHandlers {
  const lifecycle: LifecycleDeps = {
    payments: (portalId) => deps.activities.providers.payments(portalId),
    now: deps.lifecycle?.now ?? (() => new Date()),
  };
  const packs: PackJobDeps = { box: deps.secrets, previewer: deps.documents?.previewer ?? null };
  const entries = [
    // Loans: push a loan to its portal (then move its deal if the loan's state asks for it, server/lifecycle);
    // the day's resync scan enqueues one push per active loan.
    jobEntry(LOAN_SYNC_JOB, withLoanStage(loanSyncJob, lifecycle)),
    jobEntry(DAILY_RESYNC_JOB, dailyResyncJob),
    // Portal events (server/routes/events).
    jobEntry(DEAL_DELETED_JOB, dealDeletedJob),
    ...ACKNOWLEDGED_EVENT_JOBS.map((kind) => jobEntry(kind, acknowledgeEventJob)),
    // Deal lifecycle: the offline deal events, a stage's loan event, a stage move the loan asked for.
    ...lifecycleJobEntries(lifecycle),
    // Robots and our SMS sender.
    ...activityJobEntries(deps.activities, deps.checks),
    // Payouts driven by jobs alone (the one a deal's issued stage queues): execute, refresh, settled.
    ...payoutJobEntries(payoutProvider(deps.activities), {
      ...(deps.activities.options.payouts ? { execute: deps.activities.options.payouts } : {}),
    }),
    // Reminders of installments: the portal's daily plan and one send per reminder (server/reminders).
    ...reminderJobEntries({ sender: reminderSender(deps.activities), now: lifecycle.now }),
    // Mail to bank staff from a deal (server/mail/outgoing): send once, then the deal's timeline.
    jobEntry(BANK_SEND_JOB, bankSendJob({ mail: deps.mail, box: deps.secrets })),
    // An SMS to a bank's phones through the portal's SMS provider (its status is its SMS's).
    jobEntry(BANK_SMS_JOB, bankSmsJob({ providers: deps.activities.providers, box: deps.secrets })),
    // A delivery report (DSN/bounce) read from the mailbox moved a bank message: the deal's timeline says so.
    jobEntry(BANK_REPORT_JOB, bankReportJob({ box: deps.secrets })),
    // Robot triggers for process designers (due soon / overdue from the reminder plan, paid off from the lifecycle).
    jobEntry(TRIGGER_JOB, fireTriggerJob),
    // Bank replies (server/mail/apply): apply a decision, its notices, a to-do for one under review.
    ...mailApplyJobEntries({ providers: deps.activities.providers, mail: deps.mail, now: lifecycle.now }),
    // Document packs (server/documents/packs): fill a pack's documents, then preview and attach each.
    jobEntry(PACK_FILL_JOB, packFillJob(packs)),
    jobEntry(PACK_DELIVER_JOB, packDeliverJob(packs)),
  ];
  const table = new Map(entries);
  if (table.size !== entries.length) throw new Error('a job kind is listed twice in server/jobs/handlers.ts');
  return table;
}

/**
 * The portal's payment provider through the settings port, as the payout robot gets it. A payout
 * stored for another provider than the one configured now is not sent through the new one (its order
 * id lives at the first): the job stops and the row keeps its state for a person.
 */
function payoutProvider(activities: ActivityDeps): PayoutProviderResolver {
  return async (portalId, providerCode) => {
    const provider = await activities.providers.payments(portalId);
    if (provider.code !== providerCode)
      throw new PermanentJobError(`payout stored for provider ${providerCode}, the portal now uses ${provider.code}`);
    return provider;
  };
}
