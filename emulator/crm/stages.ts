// Pipelines and stages: ENTITY_ID and STATUS_ID naming per contract.md §7.5 / §7.3.
import type { Core } from '../core.js';
import type { Category, StageStatus } from '../records/crm.js';
import { ENTITY_DEAL } from '../state.js';
import { nextIdOf } from '../util.js';

export const ENTITY_LEAD = 1;

export function stageEntityId(entityTypeId: number, categoryId: number): string {
  if (entityTypeId === ENTITY_LEAD) return 'STATUS';
  if (entityTypeId === ENTITY_DEAL) return categoryId === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${categoryId}`;
  return `DYNAMIC_${entityTypeId}_STAGE_${categoryId}`;
}

export function stagePrefix(entityTypeId: number, categoryId: number): string {
  if (entityTypeId === ENTITY_LEAD) return '';
  if (entityTypeId === ENTITY_DEAL) return categoryId === 0 ? '' : `C${categoryId}:`;
  return `DT${entityTypeId}_${categoryId}:`;
}

/** A pipeline as crm.category.list/get/add answer it (universal/category/crm-category-add.md, object category). */
export function categoryView(c: Category) {
  return {
    id: c.id,
    name: c.name,
    sort: c.sort,
    entityTypeId: c.entityTypeId,
    isDefault: c.isDefault ? 'Y' : 'N',
    originId: '',
    originatorId: '',
  };
}

export function stagesOf(core: Core, entityTypeId: number, categoryId: number): StageStatus[] {
  const entityId = stageEntityId(entityTypeId, categoryId);
  return core.state.statuses.filter((s) => s.entityId === entityId).sort((a, b) => a.sort - b.sort);
}

export function semanticLetter(s: StageStatus | undefined): 'P' | 'S' | 'F' {
  if (!s) return 'P';
  return s.semantics === 'success' ? 'S' : s.semantics === 'process' ? 'P' : 'F';
}

/** Adds a pipeline's stages: [code without prefix, name, semantics, color]. */
export function addStages(
  core: Core,
  entityTypeId: number,
  categoryId: number,
  rows: [string, string, StageStatus['semantics'], string][],
): void {
  const entityId = stageEntityId(entityTypeId, categoryId);
  const prefix = stagePrefix(entityTypeId, categoryId);
  rows.forEach(([code, name, semantics, color], i) => {
    core.state.statuses.push({
      id: nextIdOf(core.state, 'status', 100),
      entityId,
      statusId: `${prefix}${code}`,
      name,
      sort: (i + 1) * 10,
      system: i === 0 || semantics !== 'process',
      categoryId,
      color,
      semantics,
    });
  });
}

export const DEFAULT_LEAD_STATUSES: [string, string, StageStatus['semantics'], string][] = [
  ['NEW', 'Unassigned', 'process', '#2FC6F6'],
  ['IN_PROCESS', 'In progress', 'process', '#55D0E0'],
  ['PROCESSED', 'Processed', 'process', '#FFA900'],
  ['CONVERTED', 'Good lead', 'success', '#7BD500'],
  ['JUNK', 'Junk lead', 'failure', '#FF5752'],
];

export const DEFAULT_SPA_STAGES: [string, string, StageStatus['semantics'], string][] = [
  ['NEW', 'Start', 'process', '#22B9FF'],
  ['PREPARATION', 'Preparation', 'process', '#2FC6F6'],
  ['CLIENT', 'Client', 'process', '#47E4C2'],
  ['SUCCESS', 'Success', 'success', '#7BD500'],
  ['FAIL', 'Failure', 'failure', '#FF5752'],
];
