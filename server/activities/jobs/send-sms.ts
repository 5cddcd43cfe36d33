import { registerJobHandler, type Job, type JobContext } from '../../jobs/registry.js';
import { AppError } from '../../errors.js';
import { enqueueSmsSend, requestSms } from '../../integrations/sms/sending/index.js';
import { JOB_KIND } from '../codes.js';
import { updateCall } from '../call-repo.js';
import { loadDealContext } from '../deal-context.js';
import { activityConfig, smsProviderFor } from '../providers.js';
import { languageFor, type SmsLanguage } from '../sms-templates.js';
import { smsText } from '../sms-text.js';
import { logProgress } from '../bizproc-report.js';
import { maskPhone } from '../failures.js';
import { failOrRetry, loadCall } from './context.js';

// send_sms activity: template + deal/contact/loan variables → analyse against the provider's limit
// (over it: failed with the limit, nothing sent) → requestSms keyed by event_token (exactly once,
// server/integrations/sms/sending) → the sms.send job sends → sms.status reports to the workflow.

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
export const today = () => activityConfig().today?.() ?? new Date().toISOString().slice(0, 10);

async function run(job: Job<{ callId: string }>, ctx: JobContext): Promise<void> {
  const call = await loadCall(job, ctx);
  if (call.status === 'done' || call.status === 'failed') return;
  await updateCall(ctx.db, call.portalId, call.id, { status: 'running' }, ['received', 'running']);
  const props = (call.request.properties ?? {}) as Record<string, unknown>;
  try {
    if (!call.dealId) throw new AppError('VALIDATION', 'send_sms runs on deals only', 'This block works on deals only.');
    const b24 = await ctx.portal();
    const dc = await loadDealContext(b24, ctx.db, call.portalId, call.dealId, today());
    const phone = str(props.phone) || dc.phone;
    if (!phone) throw new AppError('VALIDATION', `deal ${call.dealId} has no phone`, 'The deal has no contact phone number.');
    const provider = await smsProviderFor(call.portalId, ctx.db);
    const settings = await activityConfig().settingsOf(call.portalId);
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
      { limit: provider.limit, onCreated: async (trx, s) => void (await enqueueSmsSend(trx, s)) },
    );
    await logProgress(b24, call.key, `SMS to ${maskPhone(sms.to)} accepted: ${sms.segments} part(s), ${sms.encoding}`);
  } catch (e) {
    await failOrRetry(job, ctx, call, e, (reason) => ({ status: 'failed', messageId: '', segments: 0, error: reason }), 'SMS');
  }
}

export function registerSendSmsJob(): void {
  registerJobHandler<{ callId: string }>(JOB_KIND.send_sms, run);
}
