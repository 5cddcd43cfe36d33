import type { Job, JobContext, JobHandler } from '../../jobs/job.js';
import { AppError } from '../../errors.js';
import { updateCall } from '../call-repo.js';
import { todayOf, type ActivityDeps } from '../deps.js';
import { logProgress } from '../bizproc-report.js';
import { findScript } from '../call-script/scripts.js';
import { evaluateScript } from '../call-script/outcome.js';
import { loadScriptContext, varsForScript } from '../call-script/context.js';
import { chooseLanguage } from '../call-script/language.js';
import { outcomeLabel, todoDescription } from '../call-script/texts.js';
import { failOrRetry, isSettled, loadCall, reportCall, settleCall, type CallOutcome } from './context.js';
import { finishTelephonyCalls } from '../call-script/telephony.js';
import { fieldText } from '../../portal-client/field-text.js';

// call_script activity (USE_SUBSCRIPTION=Y): a to-do for the deal's responsible employee pointing at the
// script (crm.activity.todo.add, contract.md §7.6); the call waits in 'waiting' while the employee works
// it in the deal card (widgets/call-script). Finish → call_script.finish job: telephony.externalcall.finish
// for the calls dialled from the tab, crm.deal.update with the fields the answers fill,
// crm.timeline.comment.add with the Q&A, bizproc.event.send (outcome, answers) from the same job.

const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const DEADLINE_MS = 24 * 3600_000;

async function start(deps: ActivityDeps, job: Job<{ callId: string }>, ctx: JobContext): Promise<void> {
  const call = await loadCall(job, ctx);
  if (isSettled(call)) return reportCall(ctx, call); // failed at start and its answer not yet taken
  if (call.status !== 'received' && call.status !== 'running') return;
  await updateCall(ctx.db, call.portalId, call.id, { status: 'running' }, ['received', 'running']);
  try {
    if (!call.dealId) throw new AppError('VALIDATION', 'call_script runs on deals only', { key: 'ROBOT_DEALS_ONLY' });
    const props = (call.request.properties ?? {}) as Record<string, unknown>;
    const settings = await deps.providers.settingsOf(call.portalId);
    const b24 = await ctx.portal();
    const sc = await loadScriptContext(b24, ctx.db, call.portalId, call.dealId, todayOf(deps));
    // The deal's (client's) language; the portal's when the deal does not tell (call-script/language.ts).
    const { lang, fromDeal } = chooseLanguage(sc.dealLang, settings?.language);
    const script = findScript(str(props.script), lang);
    if (!script) throw new AppError('VALIDATION', `no call script ${str(props.script)}`, { key: 'CALL_SCRIPT_MISSING' });
    const deal = sc.dc.deal;
    // doc: api-reference/crm/timeline/activities/todo/crm-activity-todo-add.md
    const todo = await b24.call<{ id?: number } | number>('crm.activity.todo.add', {
      ownerTypeId: 2,
      ownerId: call.dealId,
      deadline: new Date(Date.now() + DEADLINE_MS).toISOString(),
      title: script.title,
      description: todoDescription(script.lang, script.title),
      responsibleId: Number(deal.ASSIGNED_BY_ID ?? 1),
    });
    const todoId = typeof todo === 'number' ? todo : (todo.id ?? 0);
    await updateCall(
      ctx.db,
      call.portalId,
      call.id,
      { status: 'waiting', result: { todoId, script: script.id, language: script.lang, languageFromDeal: fromDeal } },
      ['running'],
    );
    await logProgress(b24, call.key, `To-do ${todoId} created for user ${fieldText(deal.ASSIGNED_BY_ID)}: "${script.title}"`);
    // Told to the admin in the robot log: what the script will show as a neutral stand-in.
    const { missing } = varsForScript(script, sc, settings, props);
    if (missing.length > 0) await logProgress(b24, call.key, missingVariablesNote(missing));
  } catch (e) {
    await settleCall(
      ctx,
      call,
      failOrRetry(job, e, (reason) => ({ outcome: 'failed', answers: '{}', error: reason }), 'Call script'),
    );
  }
}

async function finish(deps: ActivityDeps, job: Job<{ callId: string; endedAtMs?: number }>, ctx: JobContext): Promise<void> {
  const call = await loadCall(job, ctx);
  if (isSettled(call)) return reportCall(ctx, call); // a rerun after the answer failed or was cut short
  const meta = (call.result ?? {}) as { script?: string; language?: string };
  const script = findScript(meta.script ?? '', meta.language ?? 'en');
  if (!script || !call.dealId) return;
  const answers = (call.answers ?? {}) as Record<string, string>;
  let outcome: CallOutcome;
  try {
    const b24 = await ctx.portal();
    // The calls dialled from the tab end with the script, so Bitrix24 logs them as call activities.
    await finishTelephonyCalls(b24, ctx.db, call, job.payload.endedAtMs ?? Date.now());
    const props = (call.request.properties ?? {}) as Record<string, unknown>;
    const sc = await loadScriptContext(b24, ctx.db, call.portalId, call.dealId, todayOf(deps));
    const v = varsForScript(script, sc, await deps.providers.settingsOf(call.portalId), props);
    const r = evaluateScript(script, answers, { ...v.fallbacks, ...v.vars }, (o) => outcomeLabel(script.lang, o));
    if (!r.complete) return; // the route refuses to finish an incomplete path; nothing to do
    // A repeat sets the same fields. The comment is for the people who read the deal's timeline: it
    // carries no internal call id (the activity-call row links the call to the deal for us).
    if (Object.keys(r.dealFields).length > 0) await b24.call('crm.deal.update', { id: call.dealId, fields: r.dealFields });
    // doc: api-reference/crm/timeline/comments/crm-timeline-comment-add.md — in the script's (deal's) language.
    await b24.call('crm.timeline.comment.add', {
      fields: { ENTITY_ID: call.dealId, ENTITY_TYPE: 'deal', COMMENT: r.transcript },
    });
    outcome = { values: r.returnValues, log: `Call finished: ${r.outcome}`, failed: false };
  } catch (e) {
    // Out of attempts (or a refusal no retry heals): the workflow still gets an answer.
    outcome = failOrRetry(job, e, (reason) => ({ outcome: 'failed', answers: JSON.stringify(answers), error: reason }), 'Call script');
  }
  await settleCall(ctx, call, outcome);
}

/** The robot log line for the admin: which {{variables}} the collector will see as a stand-in, and where to fill them. */
export function missingVariablesNote(missing: readonly string[]): string {
  const hints: Record<string, string> = {
    company_name: 'company_name: set the company name in the app settings (PUT /api/v1/settings/lender)',
    contact_name: 'contact_name: give it as the robot property "Reference name"',
  };
  const list = missing.map((n) => hints[n] ?? `${n}: not on the deal, its contact or its loan`);
  return `Call script variables without a value (shown to the collector as a neutral text): ${list.join('; ')}`;
}

export function callScriptStartJob(deps: ActivityDeps): JobHandler<{ callId: string }> {
  return (job, ctx) => start(deps, job, ctx);
}

export function callScriptFinishJob(deps: ActivityDeps): JobHandler<{ callId: string; endedAtMs?: number }> {
  return (job, ctx) => finish(deps, job, ctx);
}
