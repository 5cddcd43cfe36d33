import type { StageMap } from '../stage-map.js';

// The lender pipeline preset (issue 14 item 3), pure: its ten stages in the portal's language, and
// the crm.status.* writes that turn the stages a pipeline has into exactly those. No I/O.
//
// doc: api-reference/crm/status/crm-status-add.md — a deal stage of pipeline N is ENTITY_ID
// DEAL_STAGE_N with STATUS_ID "CN:CODE" (the prefix is added when missing); in-progress stages sort
// before the success one, failures after it. crm-status-update.md changes NAME, SORT and COLOR only —
// never SEMANTICS — so the pipeline's own success and failure stages are renamed into "won" and
// "lost" rather than replaced; crm-status-delete.md needs FORCED=Y for a system stage. The docs do
// not say which stages a new pipeline starts with, so the plan reads them and works from any set.

export type PresetLang = 'ru' | 'en' | 'es';

export const PRESET_ROLES = [
  'application',
  'verification',
  'underwriting',
  'approved',
  'signed',
  'issued',
  'repaying',
  'overdue',
  'won',
  'lost',
] as const;
export type PresetRole = (typeof PRESET_ROLES)[number];

type Semantics = 'process' | 'success' | 'failure';

interface PresetStage {
  role: PresetRole;
  /** STATUS_ID without the pipeline prefix (≤ 22 characters with it, crm-status-add.md). */
  code: string;
  semantics: Semantics;
  color: string;
  names: Record<PresetLang, string>;
}

const STAGES: readonly PresetStage[] = [
  {
    role: 'application',
    code: 'APPLICATION',
    semantics: 'process',
    color: '#39A8EF',
    names: { en: 'Application', ru: 'Заявка', es: 'Solicitud' },
  },
  {
    role: 'verification',
    code: 'VERIFICATION',
    semantics: 'process',
    color: '#2FC6F6',
    names: { en: 'Verification', ru: 'Проверка', es: 'Verificación' },
  },
  {
    role: 'underwriting',
    code: 'UNDERWRITING',
    semantics: 'process',
    color: '#55D0E0',
    names: { en: 'Underwriting', ru: 'Андеррайтинг', es: 'Análisis de crédito' },
  },
  { role: 'approved', code: 'APPROVED', semantics: 'process', color: '#47E4C2', names: { en: 'Approved', ru: 'Одобрено', es: 'Aprobado' } },
  {
    role: 'signed',
    code: 'SIGNED',
    semantics: 'process',
    color: '#FFA900',
    names: { en: 'Contract signed', ru: 'Договор подписан', es: 'Contrato firmado' },
  },
  { role: 'issued', code: 'ISSUED', semantics: 'process', color: '#FFD200', names: { en: 'Issued', ru: 'Выдан', es: 'Desembolsado' } },
  { role: 'repaying', code: 'REPAYING', semantics: 'process', color: '#9DCF00', names: { en: 'Repaying', ru: 'Погашение', es: 'En pago' } },
  { role: 'overdue', code: 'OVERDUE', semantics: 'process', color: '#FF8A3D', names: { en: 'Overdue', ru: 'Просрочка', es: 'Vencido' } },
  { role: 'won', code: 'WON', semantics: 'success', color: '#7BD500', names: { en: 'Paid off', ru: 'Погашен', es: 'Liquidado' } },
  { role: 'lost', code: 'LOSE', semantics: 'failure', color: '#FF5752', names: { en: 'Lost', ru: 'Отказ', es: 'Rechazado' } },
];

/** The pipeline's name per language; any of them marks a pipeline a crashed run may have created. */
export const PRESET_PIPELINE_NAMES: Record<PresetLang, string> = {
  en: 'Loans (credit process)',
  ru: 'Займы (кредитный процесс)',
  es: 'Préstamos (proceso de crédito)',
};

/** The preset's SORT: 10 apart in its order, so in-progress < success < failure as the docs require. */
const sortOf = (role: PresetRole) => (PRESET_ROLES.indexOf(role) + 1) * 10;

/** A stage as crm.status.list gives it. */
export interface PortalStage {
  /** crm.status ID (what update/delete take). */
  id: number;
  statusId: string;
  name: string;
  sort: number;
  color: string;
  semantics: Semantics;
}

export type StageOp =
  | { op: 'update'; id: number; fields: { NAME: string; SORT: number; COLOR: string } }
  | { op: 'delete'; id: number; statusId: string }
  | {
      op: 'add';
      role: PresetRole;
      fields: { ENTITY_ID: string; STATUS_ID: string; NAME: string; SORT: number; COLOR: string; SEMANTICS: '' | 'S' | 'F' };
    };

export const presetPrefix = (categoryId: number) => `C${categoryId}:`;

/**
 * Which existing stage plays which role: by code first (a stage the preset added), then the
 * pipeline's first in-progress stage as the application, its success stage as won, its first failure
 * as lost — the stages a new pipeline comes with, renamed instead of deleted.
 */
export function stageRoles(categoryId: number, stages: readonly PortalStage[]): Map<PresetRole, PortalStage> {
  const byStatus = new Map(stages.map((s) => [s.statusId, s]));
  const roles = new Map<PresetRole, PortalStage>();
  const claimed = new Set<number>();
  for (const p of STAGES) {
    const s = byStatus.get(presetPrefix(categoryId) + p.code);
    if (s && s.semantics === p.semantics) {
      roles.set(p.role, s);
      claimed.add(s.id);
    }
  }
  const sorted = [...stages].sort((a, b) => a.sort - b.sort || a.id - b.id);
  const firstFree = (sem: Semantics) => sorted.find((s) => s.semantics === sem && !claimed.has(s.id));
  for (const [role, sem] of [
    ['application', 'process'],
    ['won', 'success'],
    ['lost', 'failure'],
  ] as const) {
    if (roles.has(role)) continue;
    const s = firstFree(sem);
    if (s) {
      roles.set(role, s);
      claimed.add(s.id);
    }
  }
  return roles;
}

/**
 * The writes that make the pipeline's stages the preset. `exact` (the run that creates the pipeline):
 * renames and re-sorts the stages it reuses and deletes the others. Otherwise (a later run, or a
 * retry after the pipeline was completed once) only what is missing is added: what the admin renamed
 * or added since stays. Updates come first (the success and failure stages move to the end), so an
 * added in-progress stage never sorts after the success one.
 */
export function planStages(categoryId: number, stages: readonly PortalStage[], lang: PresetLang, exact: boolean): StageOp[] {
  const roles = stageRoles(categoryId, stages);
  const updates: StageOp[] = [];
  const adds: StageOp[] = [];
  for (const p of STAGES) {
    const want = { NAME: p.names[lang], SORT: sortOf(p.role), COLOR: p.color };
    const s = roles.get(p.role);
    if (!s) {
      adds.push({
        op: 'add',
        role: p.role,
        fields: {
          ENTITY_ID: `DEAL_STAGE_${categoryId}`,
          STATUS_ID: presetPrefix(categoryId) + p.code,
          ...want,
          SEMANTICS: p.semantics === 'success' ? 'S' : p.semantics === 'failure' ? 'F' : '',
        },
      });
    } else if (exact && (s.name !== want.NAME || s.sort !== want.SORT || s.color.toUpperCase() !== want.COLOR)) {
      updates.push({ op: 'update', id: s.id, fields: want });
    }
  }
  const kept = new Set([...roles.values()].map((s) => s.id));
  const deletes: StageOp[] = exact
    ? stages.filter((s) => !kept.has(s.id)).map((s) => ({ op: 'delete', id: s.id, statusId: s.statusId }))
    : [];
  return [...updates, ...deletes, ...adds];
}

/**
 * The stage map the preset pre-fills (wire/stage-maps.ts): approved fixes the offer, contract signed
 * and issued drive the loan, lost closes it; paid off → won, 1/30/90 days past due → overdue, back to
 * current → repaying. Null while a role has no stage yet.
 */
export function presetStageMap(roles: ReadonlyMap<PresetRole, PortalStage>, lang: PresetLang): StageMap | null {
  const id = (r: PresetRole) => roles.get(r)?.statusId;
  const [approved, signed, issued, lost, won, repaying, overdue] = (
    ['approved', 'signed', 'issued', 'lost', 'won', 'repaying', 'overdue'] as const
  ).map(id);
  if (!approved || !signed || !issued || !lost || !won || !repaying || !overdue) return null;
  return {
    onStage: { [approved]: 'OFFER_FIXED', [signed]: 'CONTRACT_SIGNED', [issued]: 'ISSUED', [lost]: 'CLOSED' },
    toStage: { paidOff: won, current: repaying, overdue: [1, 30, 90].map((days) => ({ days, stageId: overdue })) },
    payoutOnIssue: false,
    lang,
  };
}
