import { AppError } from '../errors.js';
import { TYPE_RESTRICTED, type PlanLimit } from '../portals/plan-limits.js';
import type { BatchCommand } from '../portal-client/portal-client.js';
import { handlerUrl, ufName, type AppManifest, type LangText } from './manifest.js';
import { localizedProperties } from './robot-properties.js';
import type { ReconcileClient } from './reconcile-client.js';
import { reconcileScheduleFields } from './spa-fields.js';

// Makes a portal hold exactly what app.manifest.json declares (contract.md §3.1, §4.1, §5.1, §6,
// §7.2, §7.4): one v2 batch reads the current registrations, a second one removes what the
// manifest no longer has and adds what is missing. Running it twice changes nothing.
// Smart process and user fields are only ever added, never deleted: they hold the lender's data.

export type { ReconcileClient } from './reconcile-client.js';

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

export interface ReconcileReport {
  added: string[];
  removed: string[];
  updated: string[];
  skipped: string[];
  scheduleEntityTypeId: number | null;
  /** crm.type `id` of the schedule smart process (names its user fields: UF_CRM_<id>_…). */
  scheduleTypeId: number | null;
  /** What the portal's plan refused (plan-limits.ts): install still completes, the app runs without it. */
  planLimits: PlanLimit[];
}

const pickLang = (t: LangText | undefined, lang: string) => (t ? (t[lang] ?? t.en ?? Object.values(t)[0] ?? '') : '');
const langAll = (title: LangText, description?: LangText) =>
  Object.fromEntries(Object.keys(title).map((l) => [l, { TITLE: title[l] ?? '', DESCRIPTION: description?.[l] ?? '', GROUP_NAME: '' }]));

// Answers that mean "already there" (a concurrent install path got there first) are success.
const isAlready = (code: string, description: string) => /ALREADY|EXIST/i.test(code) || /already/i.test(description);
const isUnsupported = (code: string) => code === 'ERROR_METHOD_NOT_FOUND';

export async function reconcileManifest(client: ReconcileClient, input: ReconcileInput): Promise<ReconcileReport> {
  const { manifest: m, publicUrl, lang } = input;
  const url = (p: string) => handlerUrl(publicUrl, p);
  const report: ReconcileReport = {
    added: [],
    removed: [],
    updated: [],
    skipped: [],
    scheduleEntityTypeId: input.knownScheduleEntityTypeId,
    scheduleTypeId: null,
    planLimits: [],
  };

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
  const arr = <T>(v: unknown): T[] =>
    Array.isArray(v) ? (v as T[]) : v && typeof v === 'object' ? ((Object.values(v).find(Array.isArray) as T[] | undefined) ?? []) : [];

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
      read.results[k] = [...arr<unknown>(read.results[k]), ...arr<unknown>(more.results[k])];
      next = more.next[k];
    }
  }

  const remove: Record<string, BatchCommand> = {};
  const add: Record<string, BatchCommand> = {};
  let n = 0;
  const key = (label: string) => `${label.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 40)}_${n++}`;

  // Placements, keyed by (placement, handler); a changed title is rebound.
  const placements = arr<{ placement: string; handler: string; title?: string }>(read.results.placements);
  const wantPlacements = new Map(m.placements.map((p) => [`${p.placement}|${url(p.handler)}`, p]));
  for (const p of placements) {
    const want = wantPlacements.get(`${p.placement}|${p.handler}`);
    if (!want || (p.title !== undefined && p.title !== pickLang(want.title, lang) && !Object.values(want.title).includes(p.title))) {
      remove[key('unbind_' + p.placement)] = { method: 'placement.unbind', params: { PLACEMENT: p.placement, HANDLER: p.handler } };
      report.removed.push(`placement:${p.placement}`);
    } else wantPlacements.delete(`${p.placement}|${p.handler}`);
  }
  for (const p of wantPlacements.values()) {
    add[key('bind_' + p.placement)] = {
      method: 'placement.bind',
      params: {
        PLACEMENT: p.placement,
        HANDLER: url(p.handler),
        TITLE: pickLang(p.title, lang),
        DESCRIPTION: pickLang(p.description, lang),
        LANG_ALL: langAll(p.title, p.description),
      },
    };
    report.added.push(`placement:${p.placement}`);
  }

  // Event bindings, keyed by (EVENT, handler); an offline binding has no handler (event.get answers
  // offline: 1 and an empty handler — doc: api-reference/events/event-get.md, offline-events.md).
  const events = arr<{ event: string; handler: string; offline?: number | string }>(read.results.events);
  const keyOf = (event: string, handler: string, offline: boolean) => `${event.toUpperCase()}|${offline ? 'offline' : handler}`;
  const wantEvents = new Map(m.events.map((e) => [keyOf(e.event, e.handler ? url(e.handler) : '', e.eventType === 'offline'), e]));
  for (const e of events) {
    const offline = Number(e.offline ?? 0) === 1;
    const k = keyOf(String(e.event), e.handler, offline);
    if (!wantEvents.has(k)) {
      remove[key('unbind_' + e.event)] = {
        method: 'event.unbind',
        params: offline ? { event: e.event, event_type: 'offline' } : { event: e.event, handler: e.handler },
      };
      report.removed.push(`event:${e.event}`);
    } else wantEvents.delete(k);
  }
  for (const e of wantEvents.values()) {
    const params: Record<string, unknown> =
      e.eventType === 'offline'
        ? { event: e.event, event_type: 'offline', ...(e.authConnector ? { auth_connector: e.authConnector } : {}) }
        : { event: e.event, handler: url(e.handler ?? '') };
    if (e.options) params.options = e.options;
    add[key('bind_' + e.event)] = { method: 'event.bind', params };
    report.added.push(`event:${e.event}`);
  }

  // Activities and robots share one code space in the portal: removals go first in the batch.
  for (const kind of ['activity', 'robot'] as const) {
    const have = new Set(arr<string>(kind === 'activity' ? read.results.activities : read.results.robots).map(String));
    const want = m.activities.filter((a) => a.kind === kind);
    for (const code of have) {
      if (!want.some((a) => a.code === code)) {
        remove[key(`del_${kind}_${code}`)] = { method: `bizproc.${kind}.delete`, params: { CODE: code } };
        report.removed.push(`${kind}:${code}`);
      }
    }
    for (const a of want) {
      const fields = {
        HANDLER: url(a.handler),
        AUTH_USER_ID: input.authUserId,
        USE_SUBSCRIPTION: a.useSubscription,
        NAME: a.name,
        DESCRIPTION: a.description ?? {},
        PROPERTIES: localizedProperties(a.properties, lang),
        RETURN_PROPERTIES: a.returnProperties ?? {},
        DOCUMENT_TYPE: ['crm', 'CCrmDocumentDeal', 'DEAL'],
        FILTER: { INCLUDE: [['crm', 'CCrmDocumentDeal']] },
      };
      if (!have.has(a.code)) {
        add[key(`add_${kind}_${a.code}`)] = { method: `bizproc.${kind}.add`, params: { CODE: a.code, ...fields } };
        report.added.push(`${kind}:${a.code}`);
      } else if (input.manifestChanged) {
        add[key(`upd_${kind}_${a.code}`)] = { method: `bizproc.${kind}.update`, params: { CODE: a.code, FIELDS: fields } };
        report.updated.push(`${kind}:${a.code}`);
      }
    }
  }

  // SMS senders.
  const senders = new Set(arr<string>(read.results.senders).map(String));
  for (const code of senders) {
    if (!m.smsSenders.some((s) => s.code === code)) {
      remove[key('del_sender_' + code)] = { method: 'messageservice.sender.delete', params: { CODE: code } };
      report.removed.push(`sender:${code}`);
    }
  }
  for (const s of m.smsSenders) {
    if (!senders.has(s.code)) {
      add[key('add_sender_' + s.code)] = {
        method: 'messageservice.sender.add',
        params: { CODE: s.code, TYPE: s.type, HANDLER: url(s.handler), NAME: s.name, DESCRIPTION: pickLang(s.description, lang) },
      };
      report.added.push(`sender:${s.code}`);
    }
  }

  // Robot triggers (doc: api-reference/crm/automation/triggers/crm-automation-trigger-add.md, -list.md,
  // -delete.md): the app's own list; add with a known CODE renames it, so a name in another language
  // (a reinstall) is written again. A portal that cannot list them (a plan, an old version) is skipped.
  const wantTriggers = m.automationTriggers ?? [];
  if (wantTriggers.length > 0 && read.errors.triggers) {
    report.skipped.push(`triggers (${read.errors.triggers.code})`);
  } else if (wantTriggers.length > 0) {
    const have = new Map(arr<{ CODE: string; NAME: string }>(read.results.triggers).map((t) => [String(t.CODE), String(t.NAME)]));
    for (const [code] of have) {
      if (!wantTriggers.some((t) => t.code === code)) {
        remove[key('del_trigger_' + code)] = { method: 'crm.automation.trigger.delete', params: { CODE: code } };
        report.removed.push(`trigger:${code}`);
      }
    }
    for (const t of wantTriggers) {
      const name = pickLang(t.name, lang);
      if (have.get(t.code) === name) continue;
      add[key('add_trigger_' + t.code)] = { method: 'crm.automation.trigger.add', params: { CODE: t.code, NAME: name } };
      (have.has(t.code) ? report.updated : report.added).push(`trigger:${t.code}`);
    }
  }

  // Smart process "Payment schedule": found by the entityTypeId we stored, else by any of its titles.
  const spa = m.smartProcesses[0];
  if (read.errors.types) {
    report.skipped.push(`smart-process (${read.errors.types.code})`);
  } else if (spa) {
    const types = arr<{ id: number; entityTypeId: number; title: string }>(read.results.types);
    const titles = new Set(Object.values(spa.title));
    const found = types.find((t) => Number(t.entityTypeId) === input.knownScheduleEntityTypeId) ?? types.find((t) => titles.has(t.title));
    if (found) {
      report.scheduleEntityTypeId = Number(found.entityTypeId);
      report.scheduleTypeId = Number(found.id);
    } else {
      add.spa = {
        method: 'crm.type.add',
        params: {
          fields: {
            title: pickLang(spa.title, lang),
            ...spa.fields,
            relations: { parent: spa.parents.map((id) => ({ entityTypeId: id, isChildrenListEnabled: 'true' })) },
          },
        },
      };
      report.added.push(`smart-process:${spa.code}`);
    }
  }

  // Deal user fields.
  if (read.errors.fields) {
    report.skipped.push(`deal-user-fields (${read.errors.fields.code})`);
  } else {
    const have = new Set(arr<{ FIELD_NAME: string }>(read.results.fields).map((f) => f.FIELD_NAME));
    for (const f of m.dealUserFields) {
      if (have.has(ufName(f.fieldName))) continue;
      add[key('uf_' + f.fieldName)] = {
        method: 'crm.deal.userfield.add',
        params: {
          fields: {
            FIELD_NAME: f.fieldName,
            USER_TYPE_ID: f.type,
            XML_ID: f.fieldName,
            EDIT_FORM_LABEL: f.label,
            LIST_COLUMN_LABEL: f.label,
            LIST_FILTER_LABEL: f.label,
            LABEL: pickLang(f.label, lang),
          },
        },
      };
      report.added.push(`field:${ufName(f.fieldName)}`);
    }
  }

  const writes = { ...remove, ...add };
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
