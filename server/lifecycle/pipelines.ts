import type { PortalClient } from '../portal-client/portal-client.js';

// The portal's deal pipelines and their stages, for the app page's mapping and to check a saved map.
// doc: api-reference/crm/universal/category/crm-category-list.md (entityTypeId 2 = deal; pipeline 0
// is the default one) and api-reference/crm/status/crm-status-list.md (ENTITY_ID DEAL_STAGE for
// pipeline 0, DEAL_STAGE_<id> for the others; SEMANTICS S = won, F = lost, null = in progress).

export interface PipelineStage {
  id: string;
  name: string;
  semantics: 'process' | 'success' | 'failure';
}

export interface Pipeline {
  categoryId: number;
  name: string;
  stages: PipelineStage[];
}

export function stageEntityId(categoryId: number): string {
  return categoryId === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${categoryId}`;
}

export interface StatusRow {
  ENTITY_ID: string;
  STATUS_ID: string;
  NAME: string;
  SORT: string;
  SEMANTICS: string | null;
}

export async function readPipelines(portal: Pick<PortalClient, 'call' | 'list'>): Promise<Pipeline[]> {
  const cats = await portal.call<{ categories: { id: number; name: string; sort: number }[] }>('crm.category.list', { entityTypeId: 2 });
  const statuses = await portal.list<StatusRow>('crm.status.list', { order: { SORT: 'ASC' } }, { maxItems: 5000 });
  return cats.categories.map((c) => ({
    categoryId: Number(c.id),
    name: c.name,
    stages: stagesOf(statuses, stageEntityId(Number(c.id))),
  }));
}

/**
 * One pipeline's stages, in its order, with ONE request: crm.status.list filtered by the pipeline's
 * ENTITY_ID (the doc's own example filters by it). For a use case that knows the deal's pipeline and
 * must not spend the portal's 2 req/s on crm.category.list and every other directory's statuses.
 */
export async function readPipelineStages(portal: Pick<PortalClient, 'list'>, categoryId: number): Promise<PipelineStage[]> {
  const entityId = stageEntityId(categoryId);
  const statuses = await portal.list<StatusRow>(
    'crm.status.list',
    { order: { SORT: 'ASC' }, filter: { ENTITY_ID: entityId } },
    { maxItems: 500 },
  );
  return stagesOf(statuses, entityId);
}

/** The rows of crm.status.list that are one pipeline's stages (ENTITY_ID), in the pipeline's order. */
export function stagesOf(statuses: StatusRow[], entityId: string): PipelineStage[] {
  return statuses
    .filter((s) => s.ENTITY_ID === entityId)
    .sort((a, b) => Number(a.SORT) - Number(b.SORT))
    .map((s) => ({
      id: s.STATUS_ID,
      name: s.NAME,
      semantics: s.SEMANTICS === 'S' ? 'success' : s.SEMANTICS === 'F' ? 'failure' : 'process',
    }));
}

/** Stage ids a map names that the pipeline does not have. */
export function unknownStages(
  pipeline: Pipeline,
  map: {
    onStage: Record<string, unknown>;
    toStage: { paidOff?: string; current?: string; overdue: { stageId: string }[] };
    roles?: Record<string, unknown>;
    bankDecision?: Record<string, string | undefined>;
  },
): string[] {
  const have = new Set(pipeline.stages.map((s) => s.id));
  const named = [
    ...Object.keys(map.onStage),
    ...(map.toStage.paidOff ? [map.toStage.paidOff] : []),
    ...(map.toStage.current ? [map.toStage.current] : []),
    ...map.toStage.overdue.map((o) => o.stageId),
    ...Object.keys(map.roles ?? {}),
    ...Object.values(map.bankDecision ?? {}).filter((id): id is string => Boolean(id)),
  ];
  return [...new Set(named.filter((id) => !have.has(id)))];
}
