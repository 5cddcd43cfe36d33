// The lender-pipeline preset on the stage-map section: how it stands (none, being made, done, failed,
// deleted in Bitrix24), the button's action, and — once the server says done — the pipeline shown
// in the stage map below with its pre-filled map. The server makes it in a job: the page asks again
// every second while it runs, a bounded number of times.
import { signal } from '@preact/signals';
import type { LenderPipelineInfo } from '../../wire/stage-maps.js';
import type { StagesApi } from './stages-api.js';
import type { StagesModel } from './stages-model.js';
import { problemOf, type SectionProblem } from './providers-model.js';

const POLL_MS = 1_000;
/** Ten stages in one batch take seconds at the portal's 2 req/s; two minutes is far beyond. */
const MAX_POLLS = 120;

export interface PresetDeps {
  api: Pick<StagesApi, 'preset' | 'createPreset'>;
  stages: Pick<StagesModel, 'show'>;
  sleep?: (ms: number) => Promise<void>;
}

export function createPresetModel(deps: PresetDeps) {
  const info = signal<LenderPipelineInfo | null>(null);
  const busy = signal(false);
  /** Set when this page made or completed the pipeline (the result line under the button). */
  const justDone = signal(false);
  const problem = signal<{ key: SectionProblem; detail: string } | null>(null);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function follow(first: LenderPipelineInfo): Promise<void> {
    let now = first;
    for (let i = 0; now.state === 'running' && i < MAX_POLLS; i++) {
      info.value = now;
      await sleep(POLL_MS);
      now = await deps.api.preset();
    }
    info.value = now;
    if (now.state === 'done' && now.categoryId !== null) {
      justDone.value = true;
      await deps.stages.show(now.categoryId);
    }
  }

  return {
    info,
    busy,
    justDone,
    problem,
    async load() {
      try {
        const now = await deps.api.preset();
        info.value = now;
        problem.value = null;
        // A run asked from another tab (or before a reload) is followed to its end here too.
        if (now.state === 'running') {
          busy.value = true;
          await follow(now).finally(() => (busy.value = false));
        }
      } catch (e) {
        problem.value = problemOf(e);
      }
    },
    async create() {
      if (busy.value) return;
      busy.value = true;
      justDone.value = false;
      problem.value = null;
      try {
        await follow(await deps.api.createPreset(info.value?.state === 'gone'));
      } catch (e) {
        problem.value = problemOf(e);
      } finally {
        busy.value = false;
      }
    },
  };
}

export type PresetModel = ReturnType<typeof createPresetModel>;
