import type { BatchOutcome } from '../portal-client/portal-client.js';
import type { AppManifest } from './manifest.js';
import { localizedProperties } from './robot-properties.js';
import { langAll, listOf, pickLang, type WritePlan } from './write-plan.js';

// What the app registers in a portal, each kind planned from its list: what the manifest no longer has is
// removed, what is missing is added (contract.md §3.1, §4.1, §5.1, §6). Pure: the batch is sent by reconcile.ts.

/** Placements, keyed by (placement, handler); a changed title is rebound. */
export function planPlacements(plan: WritePlan, m: AppManifest, read: BatchOutcome): void {
  const placements = listOf<{ placement: string; handler: string; title?: string }>(read.results.placements);
  const wantPlacements = new Map(m.placements.map((p) => [`${p.placement}|${plan.url(p.handler)}`, p]));
  for (const p of placements) {
    const want = wantPlacements.get(`${p.placement}|${p.handler}`);
    if (!want || (p.title !== undefined && p.title !== pickLang(want.title, plan.lang) && !Object.values(want.title).includes(p.title))) {
      plan.remove[plan.key('unbind_' + p.placement)] = {
        method: 'placement.unbind',
        params: { PLACEMENT: p.placement, HANDLER: p.handler },
      };
      plan.report.removed.push(`placement:${p.placement}`);
    } else wantPlacements.delete(`${p.placement}|${p.handler}`);
  }
  for (const p of wantPlacements.values()) {
    plan.add[plan.key('bind_' + p.placement)] = {
      method: 'placement.bind',
      params: {
        PLACEMENT: p.placement,
        HANDLER: plan.url(p.handler),
        TITLE: pickLang(p.title, plan.lang),
        DESCRIPTION: pickLang(p.description, plan.lang),
        LANG_ALL: langAll(p.title, p.description),
      },
    };
    plan.report.added.push(`placement:${p.placement}`);
  }
}

/**
 * Event bindings, keyed by (EVENT, handler); an offline binding has no handler (event.get answers
 * offline: 1 and an empty handler — doc: api-reference/events/event-get.md, offline-events.md).
 */
export function planEvents(plan: WritePlan, m: AppManifest, read: BatchOutcome): void {
  const events = listOf<{ event: string; handler: string; offline?: number | string }>(read.results.events);
  const keyOf = (event: string, handler: string, offline: boolean) => `${event.toUpperCase()}|${offline ? 'offline' : handler}`;
  const wantEvents = new Map(m.events.map((e) => [keyOf(e.event, e.handler ? plan.url(e.handler) : '', e.eventType === 'offline'), e]));
  for (const e of events) {
    const offline = Number(e.offline ?? 0) === 1;
    const k = keyOf(String(e.event), e.handler, offline);
    if (!wantEvents.has(k)) {
      plan.remove[plan.key('unbind_' + e.event)] = {
        method: 'event.unbind',
        params: offline ? { event: e.event, event_type: 'offline' } : { event: e.event, handler: e.handler },
      };
      plan.report.removed.push(`event:${e.event}`);
    } else wantEvents.delete(k);
  }
  for (const e of wantEvents.values()) {
    const params: Record<string, unknown> =
      e.eventType === 'offline'
        ? { event: e.event, event_type: 'offline', ...(e.authConnector ? { auth_connector: e.authConnector } : {}) }
        : { event: e.event, handler: plan.url(e.handler ?? '') };
    if (e.options) params.options = e.options;
    plan.add[plan.key('bind_' + e.event)] = { method: 'event.bind', params };
    plan.report.added.push(`event:${e.event}`);
  }
}

/** Activities and robots share one code space in the portal: removals go first in the batch. */
export function planBizproc(plan: WritePlan, m: AppManifest, read: BatchOutcome, authUserId: number, manifestChanged: boolean): void {
  for (const kind of ['activity', 'robot'] as const) {
    const have = new Set(listOf<string>(kind === 'activity' ? read.results.activities : read.results.robots).map(String));
    const want = m.activities.filter((a) => a.kind === kind);
    for (const code of have) {
      if (!want.some((a) => a.code === code)) {
        plan.remove[plan.key(`del_${kind}_${code}`)] = { method: `bizproc.${kind}.delete`, params: { CODE: code } };
        plan.report.removed.push(`${kind}:${code}`);
      }
    }
    for (const a of want) {
      const fields = {
        HANDLER: plan.url(a.handler),
        AUTH_USER_ID: authUserId,
        USE_SUBSCRIPTION: a.useSubscription,
        NAME: a.name,
        DESCRIPTION: a.description ?? {},
        PROPERTIES: localizedProperties(a.properties, plan.lang),
        RETURN_PROPERTIES: a.returnProperties ?? {},
        DOCUMENT_TYPE: ['crm', 'CCrmDocumentDeal', 'DEAL'],
        FILTER: { INCLUDE: [['crm', 'CCrmDocumentDeal']] },
      };
      if (!have.has(a.code)) {
        plan.add[plan.key(`add_${kind}_${a.code}`)] = { method: `bizproc.${kind}.add`, params: { CODE: a.code, ...fields } };
        plan.report.added.push(`${kind}:${a.code}`);
      } else if (manifestChanged) {
        plan.add[plan.key(`upd_${kind}_${a.code}`)] = { method: `bizproc.${kind}.update`, params: { CODE: a.code, FIELDS: fields } };
        plan.report.updated.push(`${kind}:${a.code}`);
      }
    }
  }
}

/** SMS senders. */
export function planSenders(plan: WritePlan, m: AppManifest, read: BatchOutcome): void {
  const senders = new Set(listOf<string>(read.results.senders).map(String));
  for (const code of senders) {
    if (!m.smsSenders.some((s) => s.code === code)) {
      plan.remove[plan.key('del_sender_' + code)] = { method: 'messageservice.sender.delete', params: { CODE: code } };
      plan.report.removed.push(`sender:${code}`);
    }
  }
  for (const s of m.smsSenders) {
    if (!senders.has(s.code)) {
      plan.add[plan.key('add_sender_' + s.code)] = {
        method: 'messageservice.sender.add',
        params: { CODE: s.code, TYPE: s.type, HANDLER: plan.url(s.handler), NAME: s.name, DESCRIPTION: pickLang(s.description, plan.lang) },
      };
      plan.report.added.push(`sender:${s.code}`);
    }
  }
}

/**
 * Robot triggers (doc: api-reference/crm/automation/triggers/crm-automation-trigger-add.md, -list.md,
 * -delete.md): the app's own list; add with a known CODE renames it, so a name in another language
 * (a reinstall) is written again. A portal that cannot list them (a plan, an old version) is skipped.
 */
export function planTriggers(plan: WritePlan, m: AppManifest, read: BatchOutcome): void {
  const wantTriggers = m.automationTriggers ?? [];
  if (wantTriggers.length > 0 && read.errors.triggers) {
    plan.report.skipped.push(`triggers (${read.errors.triggers.code})`);
  } else if (wantTriggers.length > 0) {
    const have = new Map(listOf<{ CODE: string; NAME: string }>(read.results.triggers).map((t) => [String(t.CODE), String(t.NAME)]));
    for (const [code] of have) {
      if (!wantTriggers.some((t) => t.code === code)) {
        plan.remove[plan.key('del_trigger_' + code)] = { method: 'crm.automation.trigger.delete', params: { CODE: code } };
        plan.report.removed.push(`trigger:${code}`);
      }
    }
    for (const t of wantTriggers) {
      const name = pickLang(t.name, plan.lang);
      if (have.get(t.code) === name) continue;
      plan.add[plan.key('add_trigger_' + t.code)] = { method: 'crm.automation.trigger.add', params: { CODE: t.code, NAME: name } };
      (have.has(t.code) ? plan.report.updated : plan.report.added).push(`trigger:${t.code}`);
    }
  }
}
