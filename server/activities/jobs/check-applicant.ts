import type { JobContext, JobHandler } from '../../jobs/job.js';
import { checkApplicant, type CheckDeps, type CheckResult } from '../../checks/check-applicant.js';
import { fieldText } from '../../portal-client/field-text.js';
import { updateCall, type ActivityCall } from '../call-repo.js';
import { failOrRetry, isSettled, loadCall, reportCall, settleCall, type CallOutcome } from './context.js';

// check_applicant robot: the portal's blacklist and its bureau (server/checks/) → return values
// verdict (pass | reject | error) and reason, answered to the workflow by the same job. A check only
// reads, so a rerun of the job repeats nothing anyone sees. The phone defaults to the deal's contact
// (crm.deal.get, crm.contact.get — api-reference/crm/deals/crm-deal-get.md,
// api-reference/crm/contacts/crm-contact-get.md: PHONE is a list of { VALUE, VALUE_TYPE }); the
// document number comes from the robot's property (a designer maps it from a contact field). The
// values never reach the workflow log or ours: the log names what was checked and why it decided.

export type CheckJobDeps = Omit<CheckDeps, 'db'>;

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');

async function contactPhone(ctx: JobContext, dealId: number): Promise<string | null> {
  const b24 = await ctx.portal();
  const deal = await b24.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
  const contactId = Number(deal.CONTACT_ID ?? 0);
  if (contactId <= 0) return null;
  const c = await b24.call<Record<string, unknown>>('crm.contact.get', { id: contactId });
  const phones = Array.isArray(c.PHONE) ? (c.PHONE as { VALUE?: unknown }[]) : [];
  const first = phones.map((p) => fieldText(p.VALUE)).find((v) => v.trim() !== '');
  return first ?? null;
}

/** One line for the workflow log and the reason return value: the verdict's grounds, no values. */
export function reasonOf(r: CheckResult): string {
  const grounds = r.findings
    .filter((f) => f.outcome === (r.verdict === 'pass' ? 'pass' : r.verdict))
    .map((f) => `${f.source === 'http' ? 'bureau' : `blacklist ${f.subject}`}${f.reason ? `: ${f.reason}` : ''}`);
  return grounds.join('; ') || (r.verdict === 'pass' ? 'nothing found' : '');
}

async function attempt(deps: CheckJobDeps, ctx: JobContext, call: ActivityCall): Promise<CallOutcome> {
  const props = (call.request.properties ?? {}) as Record<string, unknown>;
  let phone = str(props.phone).trim() || null;
  if (!phone && call.dealId) phone = await contactPhone(ctx, call.dealId);
  const document = str(props.document).trim() || null;
  const r = await checkApplicant({ ...deps, db: ctx.db }, call.portalId, { phone, document, dealId: call.dealId ?? 0 });
  const reason = reasonOf(r);
  return {
    values: { verdict: r.verdict, reason },
    log: `Applicant check: ${r.verdict}${reason ? ` (${reason})` : ''}`,
    // An "error" verdict is an answer too (the workflow branches on it), not a failed block.
    failed: false,
  };
}

export function checkApplicantJob(deps: CheckJobDeps): JobHandler<{ callId: string }> {
  return async (job, ctx) => {
    const call = await loadCall(job, ctx);
    if (isSettled(call)) return reportCall(ctx, call); // a rerun after the answer failed or was cut short
    await updateCall(ctx.db, call.portalId, call.id, { status: 'running' }, ['received', 'running']);
    let outcome: CallOutcome;
    try {
      outcome = await attempt(deps, ctx, call);
    } catch (e) {
      outcome = failOrRetry(job, e, (reason) => ({ verdict: 'error', reason }), 'Applicant check');
    }
    await settleCall(ctx, call, outcome);
  };
}
