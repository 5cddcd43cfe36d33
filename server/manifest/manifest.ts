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
  handler: string;
}

export interface ManifestSmsSender {
  code: string;
  type: 'SMS';
  handler: string;
  name: LangText;
  description?: LangText;
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

export interface AppManifest {
  version: string;
  scopes: string[];
  placements: ManifestPlacement[];
  activities: ManifestActivity[];
  events: ManifestEvent[];
  smsSenders: ManifestSmsSender[];
  smartProcesses: ManifestSmartProcess[];
  dealUserFields: ManifestUserField[];
}

export const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'app.manifest.json');

let cached: AppManifest | undefined;

function check(m: AppManifest): AppManifest {
  const need = ['version', 'scopes', 'placements', 'activities', 'events', 'smsSenders', 'smartProcesses', 'dealUserFields'] as const;
  for (const k of need) if (m[k] === undefined) throw new Error(`app.manifest.json: missing ${k}`);
  for (const a of m.activities) if (!/^[a-zA-Z0-9._-]+$/.test(a.code)) throw new Error(`app.manifest.json: bad activity code ${a.code}`);
  for (const f of m.dealUserFields)
    if (!/^[A-Z0-9_]+$/.test(f.fieldName)) throw new Error(`app.manifest.json: bad field name ${f.fieldName}`);
  for (const e of m.events) e.event = e.event.toUpperCase();
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
