import type { Job, JobContext, JobHandler } from '../../jobs/job.js';
import { enqueue } from '../../jobs/outbox.js';
import { AppError } from '../../errors.js';
import { executeSms, findSmsByKey, requestSms, type SmsRecord } from '../../integrations/sms/sending/index.js';
import type { SmsProvider } from '../../integrations/sms/provider.js';
import { JOB_KIND } from '../codes.js';
import { updateCall, type ActivityCall } from '../call-repo.js';
import { loadDealContext } from '../deal-context.js';
import { todayOf, type ActivityDeps } from '../deps.js';
import { languageFor, type SmsLanguage } from '../sms-templates.js';
import { smsText } from '../sms-text.js';
import { logProgress } from '../bizproc-report.js';
import { maskPhone } from '../failures.js';
import { ACTIVITY_JOB_MAX_ATTEMPTS, failOrRetry, isSettled, loadCall, reportCall, settleCall, type CallOutcome } from './context.js';

// send_sms activity, one job from the robot call to the workflow's answer (ARCHITECTURE.md flow 3):
//   render (template + deal/contact/loan variables, refused over the provider's limit)
//   → requestSms keyed by event_token (the intent, stored once: exactly-once sending)
//   → executeSms through the portal's SMS provider (claim/lease/fence; never resent when the outcome
//     is unknown) → a retryable refusal wakes this job again at the message's retryAt
//   → the first settled status (queued/sent/failed/unknown) is stored and sent with bizproc.event.send.
// Later delivery receipts update the message (server/integrations/sms/sending), never the workflow.

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

async function render(deps: ActivityDeps, ctx: JobContext, call: ActivityCall): Promise<{ sms: SmsRecord; provider: SmsProvider }> {
  const props = (call.request.properties ?? {}) as Record<string, unknown>;
  if (!call.dealId) throw new AppError('VALIDATION', 'send_sms runs on deals only', { key: 'ROBOT_DEALS_ONLY' });
  const b24 = await ctx.portal();
  const dc = await loadDealContext(b24, ctx.db, call.portalId, call.dealId, todayOf(deps));
  const phone = str(props.phone) || dc.phone;
  if (!phone) throw new AppError('VALIDATION', `deal ${call.dealId} has no phone`, { key: 'DEAL_NO_PHONE' });
  const provider = await deps.providers.sms(call.portalId);
  const settings = await deps.providers.settingsOf(call.portalId);
  const lang = (str(props.language) as SmsLanguage) || languageFor(phone, settings?.language);
  const text = smsText({
    template: str(props.template),
    text: str(props.text),
    language: lang,
    context: dc,
    ...(settings?.companyName ? { companyName: settings.companyName } : {}),
    robot: {
      companyName: str(props.companyName),
      payReference: str(props.payReference),
      signLink: str(props.signLink),
      pin: str(props.pin),
    },
  });
  const sms = await requestSms(
    ctx.db,
    call.portalId,
    { key: call.key, to: phone, text, provider: provider.code, context: { source: 'activity', callId: call.id, eventToken: call.key } },
    { limit: provider.limit },
  );
  await logProgress(b24, call.key, `SMS to ${maskPhone(sms.to)} accepted: ${sms.segments} part(s), ${sms.encoding}`);
  return { sms, provider };
}

function outcomeOf(sms: SmsRecord): CallOutcome {
  const failed = sms.status === 'failed' || sms.status === 'unknown';
  return {
    values: {
      status: sms.status,
      messageId: sms.providerMessageId ?? '',
      segments: sms.segments,
      ...(sms.lastError ? { error: sms.lastError } : {}),
    },
    log: failed
      ? `SMS ${sms.status}: ${sms.lastError ?? 'no reason given'}`
      : `SMS ${sms.status}: ${sms.segments} part(s), id ${sms.providerMessageId ?? ''}`,
    failed,
  };
}

/**
 * The message is not settled yet (a retryable refusal, or another worker's lease): run this job's
 * kind again at retryAt. The key names the job that asks, so it is new for each wake-up and the same
 * if this job is itself re-run after a crash.
 */
async function wakeAt(ctx: JobContext, job: Job<{ callId: string }>, call: ActivityCall, sms: SmsRecord, retryAt: number) {
  if (sms.lastError && sms.status === 'requested')
    await logProgress(
      await ctx.portal(),
      call.key,
      `SMS attempt ${sms.attempts} of ${sms.maxAttempts} failed: ${sms.lastError}; retrying at ${new Date(retryAt).toISOString()}`,
    );
  await ctx.db.transaction().execute((trx) =>
    enqueue(trx, {
      portalId: call.portalId,
      kind: JOB_KIND.send_sms,
      idempotencyKey: `activity-wake:${job.id}`,
      payload: { callId: call.id },
      runAfterMs: retryAt,
      maxAttempts: ACTIVITY_JOB_MAX_ATTEMPTS,
    }),
  );
  ctx.log.info({ smsId: sms.id, attempts: sms.attempts, retryAt }, 'sms will be retried');
}

export function sendSmsJob(deps: ActivityDeps): JobHandler<{ callId: string }> {
  return async (job, ctx) => {
    const call = await loadCall(job, ctx);
    if (isSettled(call)) return reportCall(ctx, call); // a rerun after the answer failed or was cut short
    await updateCall(ctx.db, call.portalId, call.id, { status: 'running' }, ['received', 'running']);
    let outcome: CallOutcome;
    try {
      // Rendered once: a wake-up sends the stored intent (a re-render could differ, e.g. another day).
      const stored = await findSmsByKey(ctx.db, call.portalId, call.key);
      const { sms, provider } = stored ? { sms: stored, provider: await deps.providers.sms(call.portalId) } : await render(deps, ctx, call);
      const r = await executeSms(ctx.db, provider, sms, deps.options.sms);
      if (r.retryAt !== undefined) return wakeAt(ctx, job, call, r.sms, r.retryAt);
      outcome = outcomeOf(r.sms);
    } catch (e) {
      outcome = failOrRetry(job, e, (reason) => ({ status: 'failed', messageId: '', segments: 0, error: reason }), 'SMS');
    }
    await settleCall(ctx, call, outcome);
  };
}
