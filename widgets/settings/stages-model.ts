// State and actions of the stage-map section: the portal's deal pipelines, the one being edited and
// its map as a form (one stage per loan event, the overdue thresholds as typed), save, and the
// server's refusal beside the field it names. What the user chose stays after a refusal.
import { signal, type Signal } from '@preact/signals';
import type { PipelineInfo, StageEvent, StageMap } from '../../wire/stage-maps.js';
import { ApiError } from '../shared/session-client.js';
import type { StagesApi } from './stages-api.js';
import { problemOf, type SectionProblem } from './providers-model.js';

export interface StageForm {
  /** Loan event → the stage whose entry causes it; '' = none. */
  onStage: Record<StageEvent, string>;
  paidOff: string;
  current: string;
  /** Days as typed. */
  overdue: { days: string; stageId: string }[];
  payoutOnIssue: boolean;
  clabeField: string;
  /** Stage id → who becomes responsible on entering it, as typed: a user id or an employee field code. */
  roles: Record<string, RoleForm>;
  /** Where a bank's decision read from its e-mail moves the deal; '' = it waits for review. */
  bankDecision: Record<BankDecision, string>;
}

export type RoleKind = '' | 'user' | 'field';
export interface RoleForm {
  kind: RoleKind;
  value: string;
}

export type BankDecision = 'approved' | 'counterOffer' | 'rejected';
export const DECISION_ORDER: readonly BankDecision[] = ['approved', 'counterOffer', 'rejected'];

/** Why a field is refused: the stage left the pipeline (server), or what was typed is not valid (here). */
export type StageFieldError = 'notInPipeline' | 'days' | 'clabe' | 'roleUser' | 'roleField' | 'roleNotEmployee';

/** The events in the order of a loan's life; the wire's STAGE_EVENTS is not imported so no TypeBox enters the bundle. */
export const EVENT_ORDER: readonly StageEvent[] = ['OFFER_FIXED', 'CONTRACT_SIGNED', 'ISSUED', 'CLOSED'];

const MAX_THRESHOLDS = 10; // the wire's maxItems (wire/stage-maps.ts)

export function formOf(map: StageMap | null): StageForm {
  const onStage: Record<StageEvent, string> = { OFFER_FIXED: '', CONTRACT_SIGNED: '', ISSUED: '', CLOSED: '' };
  // A map saved elsewhere may give one event several stages: the select shows the first.
  for (const [stageId, ev] of Object.entries(map?.onStage ?? {})) if (!onStage[ev]) onStage[ev] = stageId;
  return {
    onStage,
    paidOff: map?.toStage.paidOff ?? '',
    current: map?.toStage.current ?? '',
    overdue: (map?.toStage.overdue ?? []).map((o) => ({ days: String(o.days), stageId: o.stageId })),
    payoutOnIssue: map?.payoutOnIssue ?? false,
    clabeField: map?.payoutClabeField ?? '',
    roles: Object.fromEntries(
      Object.entries(map?.roles ?? {}).map(([stageId, r]) => [
        stageId,
        'userId' in r ? { kind: 'user' as const, value: String(r.userId) } : { kind: 'field' as const, value: r.field },
      ]),
    ),
    bankDecision: {
      approved: map?.bankDecision?.approved ?? '',
      counterOffer: map?.bankDecision?.counterOffer ?? '',
      rejected: map?.bankDecision?.rejected ?? '',
    },
  };
}

/** The roles as the wire's, or the rows typed wrong (keyed `role.<stage>`). */
function rolesOf(roles: Record<string, RoleForm>, errors: Record<string, StageFieldError>): NonNullable<StageMap['roles']> {
  const out: NonNullable<StageMap['roles']> = {};
  for (const [stageId, r] of Object.entries(roles)) {
    const v = r.value.trim();
    if (r.kind === 'user') {
      if (/^\d{1,10}$/.test(v) && Number(v) >= 1 && Number(v) <= 2_147_483_647) out[stageId] = { userId: Number(v) };
      else errors[`role.${stageId}`] = 'roleUser';
    } else if (r.kind === 'field') {
      const code = v.toUpperCase();
      if (/^UF_CRM_[A-Z0-9_]+$/.test(code) && code.length <= 50) out[stageId] = { field: code };
      else errors[`role.${stageId}`] = 'roleField';
    }
  }
  return out;
}

/** The form as the wire's map, or the fields typed wrong (checked here: the server would only say 400). */
export function mapOf(f: StageForm, lang: 'ru' | 'en' | 'es'): { map: StageMap } | { errors: Record<string, StageFieldError> } {
  const errors: Record<string, StageFieldError> = {};
  const overdue: StageMap['toStage']['overdue'] = [];
  f.overdue.forEach((o, i) => {
    const days = o.days.trim();
    if (!days && !o.stageId) return; // an empty row is no threshold
    const n = /^\d{1,4}$/.test(days) ? Number(days) : NaN;
    if (!(n >= 1 && n <= 3650)) errors[`overdue.${i}.days`] = 'days';
    else if (o.stageId) overdue.push({ days: n, stageId: o.stageId });
  });
  const clabe = f.clabeField.trim().toUpperCase();
  if (clabe && !/^UF_CRM_[A-Z0-9_]+$/.test(clabe)) errors.clabeField = 'clabe';
  const roles = rolesOf(f.roles, errors);
  if (Object.keys(errors).length > 0) return { errors };
  const onStage: StageMap['onStage'] = {};
  for (const [ev, stageId] of Object.entries(f.onStage) as [StageEvent, string][]) if (stageId) onStage[stageId] = ev;
  const bankDecision: NonNullable<StageMap['bankDecision']> = {};
  for (const d of DECISION_ORDER) if (f.bankDecision[d]) bankDecision[d] = f.bankDecision[d];
  return {
    map: {
      onStage,
      toStage: { ...(f.paidOff ? { paidOff: f.paidOff } : {}), ...(f.current ? { current: f.current } : {}), overdue },
      payoutOnIssue: f.payoutOnIssue,
      ...(clabe ? { payoutClabeField: clabe } : {}),
      ...(Object.keys(roles).length > 0 ? { roles } : {}),
      ...(Object.keys(bankDecision).length > 0 ? { bankDecision } : {}),
      lang,
    },
  };
}

/** The form's fields holding one of `stages` (the server's STAGE_NOT_IN_PIPELINE details). */
function fieldsHolding(f: StageForm, stages: string[]): Record<string, StageFieldError> {
  const bad = new Set(stages);
  const errors: Record<string, StageFieldError> = {};
  for (const [ev, id] of Object.entries(f.onStage)) if (bad.has(id)) errors[ev] = 'notInPipeline';
  if (bad.has(f.paidOff)) errors.paidOff = 'notInPipeline';
  if (bad.has(f.current)) errors.current = 'notInPipeline';
  f.overdue.forEach((o, i) => {
    if (bad.has(o.stageId)) errors[`overdue.${i}.stage`] = 'notInPipeline';
  });
  for (const id of Object.keys(f.roles)) if (bad.has(id)) errors[`role.${id}`] = 'notInPipeline';
  for (const d of DECISION_ORDER) if (bad.has(f.bankDecision[d])) errors[`decision.${d}`] = 'notInPipeline';
  return errors;
}

export function createStagesModel(api: StagesApi, lang: () => 'ru' | 'en' | 'es') {
  const loading = signal(true);
  const pipelines = signal<PipelineInfo[]>([]);
  const categoryId = signal<number | null>(null);
  const form = signal<StageForm>(formOf(null));
  const busy = signal(false);
  const saved = signal(false);
  const errors = signal<Record<string, StageFieldError>>({});
  const problem: Signal<{ key: SectionProblem; detail: string } | null> = signal(null);

  function choose(id: number) {
    const p = pipelines.value.find((x) => x.categoryId === id);
    if (!p) return;
    categoryId.value = id;
    form.value = formOf(p.map);
    errors.value = {};
    saved.value = false;
  }

  function edit(next: StageForm, field: string) {
    form.value = next;
    saved.value = false;
    if (errors.value[field]) {
      const { [field]: _, ...rest } = errors.value;
      errors.value = rest;
    }
  }

  async function load() {
    loading.value = true;
    try {
      pipelines.value = (await api.list()).pipelines;
      problem.value = null;
      // The first pipeline already mapped, else the first one that is not the default (a lender's own).
      const first = pipelines.value.find((p) => p.map) ?? pipelines.value.find((p) => p.categoryId !== 0) ?? pipelines.value[0];
      if (first) choose(categoryId.value ?? first.categoryId);
    } catch (e) {
      problem.value = problemOf(e);
    } finally {
      loading.value = false;
    }
  }

  return {
    loading,
    pipelines,
    categoryId,
    form,
    busy,
    saved,
    errors,
    problem,
    load,
    choose,
    /** Lists the pipelines again and shows `id` (the preset just made or completed it). */
    async show(id: number) {
      categoryId.value = id;
      await load();
      choose(id);
    },
    setEvent(ev: StageEvent, stageId: string) {
      edit({ ...form.value, onStage: { ...form.value.onStage, [ev]: stageId } }, ev);
    },
    setTarget(which: 'paidOff' | 'current', stageId: string) {
      edit({ ...form.value, [which]: stageId }, which);
    },
    setThreshold(i: number, part: 'days' | 'stageId', value: string) {
      const overdue = form.value.overdue.map((o, j) => (j === i ? { ...o, [part]: value } : o));
      edit({ ...form.value, overdue }, `overdue.${i}.${part === 'days' ? 'days' : 'stage'}`);
    },
    addThreshold() {
      if (form.value.overdue.length >= MAX_THRESHOLDS) return;
      edit({ ...form.value, overdue: [...form.value.overdue, { days: '', stageId: '' }] }, '');
    },
    removeThreshold(i: number) {
      // Errors are keyed by row: they no longer point at the right rows once one goes.
      errors.value = {};
      edit({ ...form.value, overdue: form.value.overdue.filter((_, j) => j !== i) }, '');
    },
    setDecision(d: BankDecision, stageId: string) {
      edit({ ...form.value, bankDecision: { ...form.value.bankDecision, [d]: stageId } }, `decision.${d}`);
    },
    setPayout(on: boolean) {
      edit({ ...form.value, payoutOnIssue: on }, 'payoutOnIssue');
    },
    setRole(stageId: string, part: 'kind' | 'value', value: string) {
      const was = form.value.roles[stageId] ?? { kind: '' as RoleKind, value: '' };
      const next = part === 'kind' ? { kind: value as RoleKind, value: value === was.kind ? was.value : '' } : { ...was, value };
      edit({ ...form.value, roles: { ...form.value.roles, [stageId]: next } }, `role.${stageId}`);
    },
    setClabeField(value: string) {
      edit({ ...form.value, clabeField: value }, 'clabeField');
    },
    canAddThreshold: () => form.value.overdue.length < MAX_THRESHOLDS,
    async save() {
      const id = categoryId.value;
      if (busy.value || id === null) return;
      saved.value = false;
      problem.value = null;
      const checked = mapOf(form.value, lang());
      if ('errors' in checked) {
        errors.value = checked.errors;
        return;
      }
      errors.value = {};
      busy.value = true;
      try {
        const p = await api.save(id, checked.map);
        pipelines.value = pipelines.value.map((x) => (x.categoryId === id ? p : x));
        form.value = formOf(p.map);
        saved.value = true;
      } catch (e) {
        const named =
          e instanceof ApiError && Array.isArray(e.details.stages)
            ? e.details.stages.filter((s): s is string => typeof s === 'string')
            : [];
        const beside =
          e instanceof ApiError && e.code === 'STAGE_ROLE_FIELD'
            ? Object.fromEntries(named.map((id) => [`role.${id}`, 'roleNotEmployee' as const]))
            : e instanceof ApiError && e.code === 'STAGE_NOT_IN_PIPELINE'
              ? fieldsHolding(form.value, named)
              : {};
        if (Object.keys(beside).length > 0) errors.value = beside;
        else problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    },
  };
}

export type StagesModel = ReturnType<typeof createStagesModel>;
