// The deal lifecycle's stage mapping per pipeline (server/routes/api/lifecycle): administrators only.
// GET brings the portal's deal pipelines with their stages (read from Bitrix24 each time) and the
// saved maps; PUT replaces one pipeline's map — the server refuses a stage the pipeline no longer has.
import type { LenderPipelineInfo, PipelineInfo, StageMap } from '../../wire/stage-maps.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export function createStagesApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    list: () => client.request<{ pipelines: PipelineInfo[] }>('GET', '/api/v1/settings/stage-maps'),
    /** A full replace of the pipeline's map: repeating it after a session renewal stores the same. */
    save: (categoryId: number, map: StageMap) => client.request<PipelineInfo>('PUT', `/api/v1/settings/stage-maps/${categoryId}`, map),
    /** The lender-pipeline preset: how it stands, and a run asked for (202; the server runs one at a time). */
    preset: () => client.request<LenderPipelineInfo>('GET', '/api/v1/settings/lender-pipeline'),
    createPreset: (recreate: boolean) => client.request<LenderPipelineInfo>('POST', '/api/v1/settings/lender-pipeline', { recreate }),
  };
}

export type StagesApi = ReturnType<typeof createStagesApi>;
