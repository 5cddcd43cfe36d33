import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// app.manifest.json is the single source of what the app registers in a portal. Install code,
// the emulator, tests and other features read it through loadManifest().

export type LangText = Record<string, string>;

export interface ManifestPlacement {
  placement: string;
  handler: string;
  title: LangText;
  description?: LangText;
}

export interface ManifestActivity {
  code: string;
  handler: string;
  /** robot: bizproc.robot.* (automation rules and workflows); activity: bizproc.activity.* (designer only). */
  kind: 'robot' | 'activity';
  useSubscription: 'Y' | 'N';
  name: LangText;
  description?: LangText;
  properties?: Record<string, unknown>;
  returnProperties?: Record<string, unknown>;
}

export interface ManifestEvent {
  event: string;
  /** Path of the handler; absent for an offline binding. */
  handler?: string;
  /** 'offline': recorded in the portal's offline queue instead of posted (api-reference/events/offline-events.md). */
  eventType?: 'offline';
  /** Source key of an offline binding; the app's own writes carry it and are not recorded. */
  authConnector?: string;
  /** event.bind options, e.g. ONOFFLINEEVENT's minTimeout (seconds). */
  options?: Record<string, unknown>;
}

export interface ManifestSmsSender {
  code: string;
  type: 'SMS';
  handler: string;
  name: LangText;
  description?: LangText;
}

/** A robot trigger (crm.automation.trigger.add): CODE [a-z0-9.\-_], one NAME — the portal's language. */
export interface ManifestTrigger {
  code: string;
  name: LangText;
}

export interface ManifestSmartProcess {
  code: string;
  title: LangText;
  parents: number[];
  fields?: Record<string, string>;
}

export interface ManifestUserField {
  fieldName: string;
  type: string;
  label: LangText;
}

/** A user field of the "Payment schedule" smart process; `key` is how the loan sync refers to it. */
export interface ManifestScheduleField {
  key: string;
  /** Postfix of the portal's field name: UF_CRM_<typeId>_<name>. */
  name: string;
  type: string;
  label: LangText;
}

export interface AppManifest {
  version: string;
  scopes: string[];
  placements: ManifestPlacement[];
  activities: ManifestActivity[];
  events: ManifestEvent[];
  smsSenders: ManifestSmsSender[];
  /** Absent in older manifests (tests build their own): no triggers then. */
  automationTriggers?: ManifestTrigger[];
  smartProcesses: ManifestSmartProcess[];
  dealUserFields: ManifestUserField[];
  scheduleFields: ManifestScheduleField[];
}

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'app.manifest.json');

let cached: AppManifest | undefined;

function check(m: AppManifest): AppManifest {
  const need = [
    'version',
    'scopes',
    'placements',
    'activities',
    'events',
    'smsSenders',
    'smartProcesses',
    'dealUserFields',
    'scheduleFields',
  ] as const;
  for (const k of need) if (m[k] === undefined) throw new Error(`app.manifest.json: missing ${k}`);
  for (const a of m.activities) if (!/^[a-zA-Z0-9._-]+$/.test(a.code)) throw new Error(`app.manifest.json: bad activity code ${a.code}`);
  for (const f of m.dealUserFields)
    if (!/^[A-Z0-9_]+$/.test(f.fieldName)) throw new Error(`app.manifest.json: bad field name ${f.fieldName}`);
  for (const f of m.scheduleFields)
    if (!/^[A-Z][A-Z_]*[A-Z]$/.test(f.name) || f.name.length > 30) throw new Error(`app.manifest.json: bad schedule field name ${f.name}`);
  for (const e of m.events) {
    e.event = e.event.toUpperCase();
    if (!e.handler && e.eventType !== 'offline') throw new Error(`app.manifest.json: event ${e.event} needs a handler`);
  }
  return m;
}

/** The manifest (parsed once). Pass a path to read another file (tests). */
export function loadManifest(path?: string): AppManifest {
  if (path) return check(JSON.parse(readFileSync(path, 'utf8')) as AppManifest);
  cached ??= check(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as AppManifest);
  return cached;
}

/** Absolute handler URL for a manifest path. */
export function handlerUrl(publicUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** UF_CRM_<NAME> as the portal names the field. */
export function ufName(fieldName: string): string {
  return fieldName.startsWith('UF_CRM_') ? fieldName : `UF_CRM_${fieldName}`;
}

export function manifestHash(m: AppManifest, publicUrl: string): string {
  return createHash('sha256').update(publicUrl).update(JSON.stringify(m)).digest('hex').slice(0, 32);
}

// Smart-process user fields (doc: api-reference/crm/universal/userfieldconfig/userfieldconfig-add.md,
// entity-id.md): entityId is CRM_<id> where id is the crm.type `id` (its settings' primary key), NOT
// the entityTypeId; the field code is UF_{OBJECT_IDENTIFIER}_{POSTFIX} = UF_CRM_<id>_<NAME>, at most
// 50 characters of A-Z 0-9 _. crm.item.* names it in camelCase with underscores dropped between
// letters (doc: api-reference/crm/universal/index.md "UF_CRM_10_DIGIT10 → ufCrm10Digit10"), so
// UF_CRM_5_BALANCE_AFTER → ufCrm5BalanceAfter. Names are letters only after the id (see check()),
// which keeps that mapping unambiguous and lets the sync derive them from the type id alone.

/** userfieldconfig entityId of a smart process. */
export function spaEntityId(typeId: number): string {
  return `CRM_${typeId}`;
}

/** UF_CRM_<typeId>_<NAME>. */
export function spaFieldName(typeId: number, name: string): string {
  return `UF_CRM_${typeId}_${name}`;
}

/** The crm.item.* (camelCase) name of a smart-process field: ufCrm<typeId><Name>. */
export function spaItemFieldName(typeId: number, name: string): string {
  const words = name.split('_').filter((w) => w !== '');
  return `ufCrm${typeId}${words.map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('')}`;
}
