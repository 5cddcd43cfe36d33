// The workflow runner: a template is an ordered list of steps run on one deal. For an app activity or
// robot it POSTs the documented handler payload (contract.md §5.2; fixture bizproc/activity-handler.request.json)
// and, with USE_SUBSCRIPTION=Y, pauses until bizproc.event.send with that event_token (§5.3) or the timeout.
import { randomBytes, randomInt } from 'node:crypto';
import type { Core } from '../core.js';
import { authBlock } from '../events/auth-block.js';
import { postActivityCall } from './post.js';
import { entityInfo, findRecord, updateRecord } from '../crm/store.js';
import { toLegacy } from '../crm/convert.js';
import { DEAL_FIELDS } from '../crm/fields.js';
import { ENTITY_DEAL } from '../state.js';
import type { WorkflowToken } from '../records/messages.js';
import { isoDate, nowSec } from '../util.js';
import { dispatchSms } from '../sms/dispatch.js';
import { evaluate, type ExprScope } from './expressions.js';
import { workflowState, type ActivityStep, type StepLog, type WorkflowRun, type WorkflowStep, type WorkflowTemplate } from './types.js';

// UNVERIFIED(b24): the default timeout of a waiting activity is set per template in the designer.
const DEFAULT_TIMEOUT_SEC = 3600;
const MAX_STEPS = 100;
const MAX_DELIVERIES = 5000;
const MAX_RUNS_KEPT = 500;

const DOCUMENT_TYPE = ['crm', 'CCrmDocumentDeal', 'DEAL'];

export class WorkflowError extends Error {}

// Duplicate deliveries run concurrently, but at most this many sockets at once (a listen backlog
// refuses the rest, which would test the OS rather than the app).
const MAX_PARALLEL_DELIVERIES = 100;

async function pooled<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL_DELIVERIES, tasks.length) }, lane));
  return out;
}

function workflowId(): string {
  return `${randomBytes(7).toString('hex')}.${String(randomInt(10_000_000, 99_999_999))}`;
}

function eventToken(wf: string, stepNo: number): string {
  const n = () => String(randomInt(10_000, 99_999));
  return `${wf}|A${stepNo}_${n()}_${n()}_${n()}|${randomBytes(16).toString('base64url')}.${randomBytes(32).toString('hex')}`;
}

export class WorkflowRunner {
  private readonly done = new Map<string, Promise<WorkflowRun>>();
  /** Handler URL and payload of each activity call by event_token (kept in memory: it carries tokens). */
  private readonly calls = new Map<string, { handler: string; payload: Record<string, unknown> }>();
  private seq = 0;

  constructor(private readonly core: Core) {}

  private get store() {
    return workflowState(this.core.state);
  }

  defineTemplate(name: string, steps: WorkflowStep[]): WorkflowTemplate {
    if (!Array.isArray(steps) || steps.length === 0 || steps.length > MAX_STEPS)
      throw new WorkflowError(`A template needs 1..${MAX_STEPS} steps`);
    for (const s of steps) {
      if (!['activity', 'changeStage', 'wait', 'sms'].includes(s.type)) throw new WorkflowError(`Unknown step type ${String(s.type)}`);
      if (s.type === 'activity' && !s.code) throw new WorkflowError('An activity step needs a code');
    }
    const tpl: WorkflowTemplate = { id: this.store.workflowTemplates.length + 1, name, steps, createdAt: isoDate() };
    this.store.workflowTemplates.push(tpl);
    this.core.changed();
    return tpl;
  }

  template(id: number): WorkflowTemplate | undefined {
    return this.store.workflowTemplates.find((t) => t.id === id);
  }

  run(id: string): WorkflowRun | undefined {
    return this.store.workflowRuns.find((r) => r.id === id);
  }

  /** Starts a run in the background; returns it at once (status 'running'). */
  start(templateId: number, dealId: number): WorkflowRun {
    const tpl = this.template(templateId);
    if (!tpl) throw new WorkflowError(`No workflow template ${templateId}`);
    if (!findRecord(this.core, ENTITY_DEAL, dealId)) throw new WorkflowError(`No deal ${dealId}`);
    const run: WorkflowRun = {
      id: `run${++this.seq}_${randomBytes(3).toString('hex')}`,
      workflowId: workflowId(),
      templateId,
      dealId,
      status: 'running',
      steps: [],
      startedAt: isoDate(),
    };
    const runs = this.store.workflowRuns;
    runs.push(run);
    if (runs.length > MAX_RUNS_KEPT) runs.shift();
    const p = this.execute(tpl, run).then(
      () => run,
      (e: unknown) => {
        run.status = 'failed';
        run.error = e instanceof Error ? e.message : String(e);
        run.finishedAt = isoDate();
        return run;
      },
    );
    this.done.set(run.id, p);
    return run;
  }

  /** Resolves when the run has finished (or rejects after timeoutMs). */
  async wait(runId: string, timeoutMs = 30_000): Promise<WorkflowRun> {
    const p = this.done.get(runId);
    if (!p) throw new WorkflowError(`No run ${runId}`);
    let timer: NodeJS.Timeout | undefined;
    const t = new Promise<never>(
      (_r, reject) => (timer = setTimeout(() => reject(new WorkflowError(`run ${runId} still running after ${timeoutMs} ms`)), timeoutMs)),
    );
    try {
      return await Promise.race([p, t]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Delivers an activity call that was already made again, N times concurrently, byte for byte the same
   * (Bitrix24 may deliver a call more than once). Returns the HTTP status of each delivery.
   */
  async redeliver(eventToken: string, times = 1): Promise<(number | null)[]> {
    const c = this.calls.get(eventToken);
    if (!c) throw new WorkflowError('No such activity call');
    const n = Math.min(Math.max(1, times), MAX_DELIVERIES);
    const results = await pooled(Array.from({ length: n }, () => () => postActivityCall(c.handler, c.payload)));
    return results.map((r) => r.status);
  }

  /** Every run still going (orderly shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.done.values()]);
  }

  private document(dealId: number): Record<string, unknown> {
    const deal = findRecord(this.core, ENTITY_DEAL, dealId);
    return deal ? toLegacy(deal, DEAL_FIELDS) : {};
  }

  private async execute(tpl: WorkflowTemplate, run: WorkflowRun): Promise<void> {
    const returns: ExprScope['steps'] = {};
    for (const [i, step] of tpl.steps.entries()) {
      const id = step.id ?? `A${i + 1}`;
      const log: StepLog = { id, type: step.type, status: 'running', log: [], startedAt: isoDate() };
      run.steps.push(log);
      const scope: ExprScope = { document: this.document(run.dealId), steps: returns };
      try {
        if (step.type === 'activity') returns[id] = await this.activity(run, step, i + 1, log, scope);
        else if (step.type === 'changeStage') this.changeStage(run, String(evaluate(step.stageId, scope)));
        else if (step.type === 'wait') await new Promise((r) => setTimeout(r, Math.min(Math.max(0, step.ms), 600_000)));
        else if (step.type === 'sms') {
          const text = String(evaluate(step.text, scope));
          const r = await dispatchSms(this.core, {
            senderCode: step.senderCode,
            text,
            dealId: run.dealId,
            ...(step.phone ? { phone: String(evaluate(step.phone, scope)) } : {}),
            workflow: {
              workflowId: run.workflowId,
              documentId: ['crm', 'CCrmDocumentDeal', `DEAL_${run.dealId}`],
              documentType: DOCUMENT_TYPE,
            },
          });
          log.deliveries = [r.delivery.status];
          returns[id] = { messageId: r.message.messageId };
          log.returnValues = returns[id];
        }
        if (log.status === 'running') log.status = 'done';
      } catch (e) {
        log.status = 'failed';
        log.error = e instanceof Error ? e.message : String(e);
        log.finishedAt = isoDate();
        throw new WorkflowError(`step ${id}: ${log.error}`);
      }
      log.finishedAt = isoDate();
      this.core.changed();
    }
    run.status = 'done';
    run.finishedAt = isoDate();
    this.core.changed();
  }

  private changeStage(run: WorkflowRun, stageId: string): void {
    const info = entityInfo(this.core, ENTITY_DEAL);
    // The workflow acts as the system; ONCRMDEALUPDATE fires as for any change.
    const rec = info ? updateRecord(this.core, info, run.dealId, { stageId }, 1) : undefined;
    if (!rec) throw new WorkflowError(`No deal ${run.dealId}`);
  }

  private async activity(
    run: WorkflowRun,
    step: ActivityStep,
    stepNo: number,
    log: StepLog,
    scope: ExprScope,
  ): Promise<Record<string, unknown>> {
    const reg = [...this.core.state.activities, ...this.core.state.robots].find((r) => r.code === step.code);
    if (!reg) throw new WorkflowError(`Activity or robot ${step.code} is not registered`);
    const properties = evaluate(step.properties ?? {}, scope) as Record<string, unknown>;
    const timeoutSec = step.timeoutSec ?? DEFAULT_TIMEOUT_SEC;
    const subscribe = reg.useSubscription !== 'N'; // empty = waits (current docs)
    const token: WorkflowToken = {
      eventToken: eventToken(run.workflowId, stepNo),
      workflowId: run.workflowId,
      code: reg.code,
      used: false,
      logMessages: [],
      createdAt: isoDate(),
    };
    this.core.state.workflowTokens.push(token);
    Object.assign(log, { code: reg.code, eventToken: token.eventToken, properties });
    const payload = {
      workflow_id: run.workflowId,
      code: reg.code,
      document_id: ['crm', 'CCrmDocumentDeal', `DEAL_${run.dealId}`],
      document_type: DOCUMENT_TYPE,
      event_token: token.eventToken,
      properties,
      use_subscription: subscribe ? 'Y' : 'N',
      timeout_duration: String(timeoutSec),
      ts: String(nowSec()),
      // Robot handlers get the AUTH_USER_ID user's tokens including refresh_token (contract.md §5.2).
      auth: authBlock(this.core, { userId: reg.authUserId, withRefreshToken: true }),
    };
    this.calls.set(token.eventToken, { handler: reg.handler, payload });
    const answered = subscribe ? this.waitForToken(token, timeoutSec * 1000, log) : Promise.resolve(true);
    const n = Math.min(Math.max(1, step.deliveries ?? 1), MAX_DELIVERIES);
    const results = await pooled(Array.from({ length: n }, () => () => postActivityCall(reg.handler, payload)));
    log.deliveries = results.map((r) => r.status);
    const errors = [...new Set(results.map((r) => r.error).filter((e): e is string => !!e))];
    if (errors.length > 0) log.deliveryErrors = errors.slice(0, 5);
    const ok = await answered;
    log.log = [...token.logMessages];
    if (!ok) {
      // Timeout: the token is no longer accepted; the workflow goes on with empty return values.
      // UNVERIFIED(b24): what the portal does after timeout_duration is not documented beyond the field.
      token.used = true;
      log.status = 'timeout';
      log.returnValues = {};
      return {};
    }
    log.returnValues = token.returnValues ?? {};
    return log.returnValues;
  }

  private waitForToken(token: WorkflowToken, timeoutMs: number, log: StepLog): Promise<boolean> {
    return new Promise((resolve) => {
      const onLog = (wt: WorkflowToken) => {
        if (wt.eventToken === token.eventToken) log.log = [...wt.logMessages];
      };
      const onSend = (wt: WorkflowToken) => {
        if (wt.eventToken !== token.eventToken) return;
        finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.core.notify.off('bizproc.event.send', onSend);
        this.core.notify.off('bizproc.activity.log', onLog);
        resolve(ok);
      };
      this.core.notify.on('bizproc.event.send', onSend);
      this.core.notify.on('bizproc.activity.log', onLog);
      if (token.used) finish(true);
    });
  }
}

const runners = new WeakMap<Core, WorkflowRunner>();

/** The runner of one emulated portal (created on first use). */
export function workflowsOf(core: Core): WorkflowRunner {
  let r = runners.get(core);
  if (!r) {
    r = new WorkflowRunner(core);
    runners.set(core, r);
  }
  return r;
}
