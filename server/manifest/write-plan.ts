import type { PlanLimit } from '../portals/plan-limits.js';
import type { BatchCommand } from '../portal-client/portal-client.js';
import type { LangText } from './manifest.js';

// What one reconciliation will write and say: removals and additions as v2 batch commands (removals
// go first in the batch: activities and robots share one code space), and the report of them. The
// planners (plan-bindings.ts, plan-crm.ts) fill it from what the portal listed; reconcile.ts sends it.

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

export interface WritePlan {
  remove: Record<string, BatchCommand>;
  add: Record<string, BatchCommand>;
  report: ReconcileReport;
  /** A unique batch command name from a label. */
  key(label: string): string;
  /** The app's handler path as a full URL (manifest.ts handlerUrl). */
  url(path: string): string;
  /** The portal's language: titles are written in it, LANG_ALL carries the others. */
  lang: string;
}

export function createWritePlan(report: ReconcileReport, url: (path: string) => string, lang: string): WritePlan {
  let n = 0;
  return {
    remove: {},
    add: {},
    report,
    key: (label) => `${label.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 40)}_${n++}`,
    url,
    lang,
  };
}

export const pickLang = (t: LangText | undefined, lang: string) => (t ? (t[lang] ?? t.en ?? Object.values(t)[0] ?? '') : '');

export const langAll = (title: LangText, description?: LangText) =>
  Object.fromEntries(Object.keys(title).map((l) => [l, { TITLE: title[l] ?? '', DESCRIPTION: description?.[l] ?? '', GROUP_NAME: '' }]));

/** A list result as an array: v2 batch answers a list bare or wrapped in an object holding it. */
export const listOf = <T>(v: unknown): T[] =>
  Array.isArray(v) ? (v as T[]) : v && typeof v === 'object' ? ((Object.values(v).find(Array.isArray) as T[] | undefined) ?? []) : [];
