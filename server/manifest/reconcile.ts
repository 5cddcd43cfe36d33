import { AppError } from '../errors.js';
import { TYPE_RESTRICTED } from '../portals/plan-limits.js';
import type { BatchCommand } from '../portal-client/portal-client.js';
import { handlerUrl, type AppManifest } from './manifest.js';
import { planBizproc, planEvents, planPlacements, planSenders, planTriggers } from './plan-bindings.js';
import { planDealFields, planSmartProcess } from './plan-crm.js';
import type { ReconcileClient } from './reconcile-client.js';
import { reconcileScheduleFields } from './spa-fields.js';
import { createWritePlan, listOf, type ReconcileReport } from './write-plan.js';

// Makes a portal hold exactly what app.manifest.json declares (contract.md §3.1, §4.1, §5.1, §6,
// §7.2, §7.4): one v2 batch reads the current registrations, a second one removes what the
// manifest no longer has and adds what is missing (planned per kind in plan-bindings.ts and
// plan-crm.ts). Running it twice changes nothing.
// Smart process and user fields are only ever added, never deleted: they hold the lender's data.

export type { ReconcileClient } from './reconcile-client.js';
export type { ReconcileReport } from './write-plan.js';

export interface ReconcileInput {
  manifest: AppManifest;
  publicUrl: string;
  lang: string;
  /** true when the manifest or PUBLIC_URL changed since the last apply: existing robots are updated. */
  manifestChanged: boolean;
  knownScheduleEntityTypeId: number | null;
  /** Portal user robots and activities run as (AUTH_USER_ID): the admin who installed the app. */
  authUserId: number;
}

// Answers that mean "already there" (a concurrent install path got there first) are success.
const isAlready = (code: string, description: string) => /ALREADY|EXIST/i.test(code) || /already/i.test(description);
const isUnsupported = (code: string) => code === 'ERROR_METHOD_NOT_FOUND';

export async function reconcileManifest(client: ReconcileClient, input: ReconcileInput): Promise<ReconcileReport> {
  const { manifest: m, publicUrl, lang } = input;
  const report: ReconcileReport = {
    added: [],
    removed: [],
    updated: [],
    skipped: [],
    scheduleEntityTypeId: input.knownScheduleEntityTypeId,
    scheduleTypeId: null,
    planLimits: [],
  };
  const read = await readRegistrations(client, m);

  const plan = createWritePlan(report, (p) => handlerUrl(publicUrl, p), lang);
  planPlacements(plan, m, read);
  planEvents(plan, m, read);
  planBizproc(plan, m, read, input.authUserId, input.manifestChanged);
  planSenders(plan, m, read);
  planTriggers(plan, m, read);
  planSmartProcess(plan, m, input.knownScheduleEntityTypeId, read);
  planDealFields(plan, m, read);

  const writes = { ...plan.remove, ...plan.add };
  const failures: string[] = [];
  if (Object.keys(writes).length > 0) await applyWrites(client, writes, report, failures);

  // The smart process's user fields need its id, known only now when it was created just above.
  if (report.scheduleTypeId !== null && Number.isFinite(report.scheduleTypeId)) {
    const uf = await reconcileScheduleFields(client, report.scheduleTypeId, m.scheduleFields, lang);
    report.added.push(...uf.added);
    report.skipped.push(...uf.skipped);
    failures.push(...uf.failures);
  }
  if (failures.length > 0) {
    throw new AppError(
      'UPSTREAM',
      `manifest apply: ${failures.join('; ')}`,
      { key: 'REGISTRATION_PARTLY_REFUSED' },
      {
        failures,
      },
    );
  }
  return report;
}

/** What the portal holds now, in one batch; lists of types and fields followed to their last page. */
async function readRegistrations(client: ReconcileClient, m: AppManifest) {
  const read = await client.batch<unknown>({
    placements: { method: 'placement.get' },
    events: { method: 'event.get' },
    activities: { method: 'bizproc.activity.list' },
    robots: { method: 'bizproc.robot.list' },
    senders: { method: 'messageservice.sender.list' },
    types: { method: 'crm.type.list', params: {} },
    fields: { method: 'crm.deal.userfield.list', params: { filter: { ENTITY_ID: 'CRM_DEAL' } } },
    ...((m.automationTriggers ?? []).length > 0 ? { triggers: { method: 'crm.automation.trigger.list' } } : {}),
  });
  for (const k of ['placements', 'events', 'activities', 'robots', 'senders']) {
    const e = read.errors[k];
    if (e) throw new AppError('UPSTREAM', `manifest read ${k}: ${e.code} ${e.description}`, { key: 'REGISTRATIONS_UNLISTED' });
  }

  // Lists of types and fields page at 50 (contract.md §2.3): follow `next` so an existing smart
  // process or field on a later page is found instead of created twice. Bounded.
  for (const k of ['types', 'fields'] as const) {
    const method = k === 'types' ? 'crm.type.list' : 'crm.deal.userfield.list';
    let next = read.next[k];
    for (let pageNo = 0; next !== undefined && !read.errors[k] && pageNo < 40; pageNo++) {
      const more = await client.batch<unknown>({
        [k]: { method, params: { ...(k === 'fields' ? { filter: { ENTITY_ID: 'CRM_DEAL' } } : {}), start: next } },
      });
      if (more.errors[k]) break;
      read.results[k] = [...listOf<unknown>(read.results[k]), ...listOf<unknown>(more.results[k])];
      next = more.next[k];
    }
  }
  return read;
}

async function applyWrites(
  client: ReconcileClient,
  writes: Record<string, BatchCommand>,
  report: ReconcileReport,
  failures: string[],
): Promise<void> {
  const res = await client.batch<unknown>(writes);
  for (const [k, e] of Object.entries(res.errors)) {
    if (isAlready(e.code, e.description)) continue;
    if (isUnsupported(e.code) && (k === 'spa' || k.startsWith('uf_'))) {
      report.skipped.push(`${k} (${e.code})`);
      continue;
    }
    // The plan allows no (more) smart processes: not a failed install, a degraded one.
    if (k === 'spa' && e.code === TYPE_RESTRICTED) {
      report.skipped.push(`${k} (${e.code})`);
      report.planLimits.push('smart_process');
      continue;
    }
    failures.push(`${writes[k]?.method}: ${e.code} ${e.description}`);
  }
  const spaResult = res.results.spa as { type?: { id?: number; entityTypeId?: number } } | undefined;
  if (spaResult?.type?.entityTypeId) report.scheduleEntityTypeId = Number(spaResult.type.entityTypeId);
  if (spaResult?.type?.id) report.scheduleTypeId = Number(spaResult.type.id);
}
