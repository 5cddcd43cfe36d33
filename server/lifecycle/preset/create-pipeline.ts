import type { Executor } from '../../db/executor.js';
import { AppError } from '../../errors.js';
import type { BatchCommand, PortalClient } from '../../portal-client/portal-client.js';
import { portalLang } from '../../loans/sync/item-text.js';
import { getStageMap, saveStageMap } from '../repo.js';
import { getLenderPipeline, updateLenderPipeline, type LenderPipelineRow } from './preset-repo.js';
import {
  planStages,
  presetStageMap,
  stageRoles,
  PRESET_PIPELINE_NAMES,
  type PortalStage,
  type PresetLang,
  type StageOp,
} from './preset-stages.js';

// The lender-pipeline preset's run (job lifecycle.preset): makes the pipeline if the portal has none
// of ours, its stages exactly the preset, and pre-fills its stage map — safe to run again at any
// point, because every step reads what the portal already has:
//   - the pipeline: the id recorded here; before crm.category.add the highest id the portal had is
//     stored, so a run that crashed after the add adopts the pipeline above it bearing the preset's
//     name instead of adding a second one. Other pipelines are never written.
//   - the stages: planned from crm.status.list (preset-stages.ts), written in one batch.
//   - the map: saved only when the pipeline has none (an admin's edits stay).
// doc: api-reference/crm/universal/category/crm-category-list.md, crm-category-add.md,
// api-reference/crm/status/crm-status-list.md, crm-status-add.md, crm-status-update.md,
// crm-status-delete.md, api-reference/common/system/app-info.md (LANGUAGE_ID), batch.md.

export type PresetPortal = Pick<PortalClient, 'call' | 'list' | 'batch'>;

export interface PresetPayload {
  run: number;
  /** Asked after the page said the pipeline was deleted in Bitrix24: make a new one. */
  recreate: boolean;
}

export type PresetOutcome = 'done' | 'gone' | 'stale';

interface Category {
  id: number;
  name: string;
}

interface StatusRow {
  ID: string;
  STATUS_ID: string;
  NAME: string;
  SORT: string;
  COLOR?: string | null;
  SEMANTICS: string | null;
}

async function languageOf(portal: PresetPortal): Promise<PresetLang> {
  const info = await portal.call<{ LANGUAGE_ID?: string }>('app.info', {});
  return portalLang(info.LANGUAGE_ID);
}

async function categories(portal: PresetPortal): Promise<Category[]> {
  const r = await portal.call<{ categories: { id: number | string; name: string }[] }>('crm.category.list', { entityTypeId: 2 });
  return r.categories.map((c) => ({ id: Number(c.id), name: c.name }));
}

async function stagesOf(portal: PresetPortal, categoryId: number): Promise<PortalStage[]> {
  const rows = await portal.list<StatusRow>('crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${categoryId}` } }, { maxItems: 500 });
  return rows.map((r) => ({
    id: Number(r.ID),
    statusId: r.STATUS_ID,
    name: r.NAME,
    sort: Number(r.SORT),
    color: r.COLOR ?? '',
    semantics: r.SEMANTICS === 'S' ? 'success' : r.SEMANTICS === 'F' ? 'failure' : 'process',
  }));
}

const PRESET_NAMES = new Set(Object.values(PRESET_PIPELINE_NAMES));

/** The pipeline of this run: recorded, adopted after a crash, or added now. Null = recorded one deleted. */
async function pipelineOf(
  db: Executor,
  portal: PresetPortal,
  portalId: string,
  row: LenderPipelineRow,
  p: PresetPayload,
  lang: PresetLang,
  now: () => Date,
): Promise<{ categoryId: number; fresh: boolean } | null> {
  const cats = await categories(portal);
  if (row.categoryId !== null) {
    if (cats.some((c) => c.id === row.categoryId)) return { categoryId: row.categoryId, fresh: false };
    if (!p.recreate) return null;
    await updateLenderPipeline(db, portalId, { categoryId: null, maxCategoryBefore: null, completedAt: null }, now().toISOString());
  } else if (row.maxCategoryBefore !== null) {
    const ours = cats.find((c) => c.id > row.maxCategoryBefore! && PRESET_NAMES.has(c.name));
    if (ours) {
      await updateLenderPipeline(db, portalId, { categoryId: ours.id }, now().toISOString());
      return { categoryId: ours.id, fresh: true };
    }
  }
  const before = Math.max(0, ...cats.map((c) => c.id));
  await updateLenderPipeline(db, portalId, { maxCategoryBefore: before }, now().toISOString());
  const added = await portal.call<{ category: { id: number | string } }>('crm.category.add', {
    entityTypeId: 2,
    fields: { name: PRESET_PIPELINE_NAMES[lang], sort: 500 },
  });
  const categoryId = Number(added.category.id);
  await updateLenderPipeline(db, portalId, { categoryId }, now().toISOString());
  return { categoryId, fresh: true };
}

function commandOf(op: StageOp): BatchCommand {
  if (op.op === 'add') return { method: 'crm.status.add', params: { fields: op.fields } };
  if (op.op === 'update') return { method: 'crm.status.update', params: { id: op.id, fields: op.fields } };
  // A pipeline's first stages are system ones (crm-status-delete.md): FORCED to remove them.
  return { method: 'crm.status.delete', params: { id: op.id, params: { FORCED: 'Y' } } };
}

export async function createLenderPipeline(
  db: Executor,
  portal: PresetPortal,
  portalId: string,
  p: PresetPayload,
  now: () => Date,
): Promise<PresetOutcome> {
  const row = await getLenderPipeline(db, portalId);
  // A later run superseded this one (a job kept past its lease): it does the work.
  if (!row || row.run !== p.run) return 'stale';
  const lang = await languageOf(portal);
  const pipeline = await pipelineOf(db, portal, portalId, row, p, lang, now);
  if (!pipeline) {
    await updateLenderPipeline(db, portalId, { state: 'gone' }, now().toISOString());
    return 'gone';
  }
  const exact = pipeline.fresh || !row.completed;
  const ops = planStages(pipeline.categoryId, await stagesOf(portal, pipeline.categoryId), lang, exact);
  if (ops.length > 0) {
    // In order, one request (batch runs its commands one after another); halt=0 reports each refusal.
    const r = await portal.batch(ops.map(commandOf));
    const refused = Object.entries(r.errors);
    if (refused.length > 0) {
      const [k, e] = refused[0]!;
      throw new AppError('PRESET_STAGE_REFUSED', `lender pipeline: ${ops[Number(k)]?.op} refused: ${e.code} ${e.description}`);
    }
  }
  const roles = stageRoles(pipeline.categoryId, await stagesOf(portal, pipeline.categoryId));
  const map = presetStageMap(roles, lang);
  const nowIso = now().toISOString();
  if (map && !(await getStageMap(db, portalId, pipeline.categoryId)))
    await saveStageMap(db, portalId, pipeline.categoryId, map, { userId: null, nowIso });
  await updateLenderPipeline(db, portalId, { state: 'done', error: null, completedAt: nowIso }, nowIso);
  return 'done';
}
