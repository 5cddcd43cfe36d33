import { describe, expect, it } from 'vitest';
import type { LenderPipelineInfo } from '../../wire/stage-maps.js';
import { createPresetModel } from './preset-model.js';
import { presetFailureKey } from './preset-i18n.js';

// The preset button's model: it follows a run to its end, then shows the pipeline in the map; a
// deleted pipeline is asked for again with `recreate`.
describe('lender-pipeline preset model', () => {
  function rig(replies: LenderPipelineInfo[]) {
    const asked: boolean[] = [];
    const shown: number[] = [];
    const model = createPresetModel({
      api: {
        preset: async () => replies.shift()!,
        createPreset: async (recreate) => {
          asked.push(recreate);
          return { state: 'running', categoryId: null, error: null };
        },
      },
      stages: { show: async (id) => void shown.push(id) },
      sleep: async () => undefined,
    });
    return { model, asked, shown };
  }

  it('follows a run until done and shows its pipeline', async () => {
    const r = rig([
      { state: 'running', categoryId: null, error: null },
      { state: 'done', categoryId: 7, error: null },
    ]);
    await r.model.create();
    expect(r.asked).toEqual([false]);
    expect(r.shown).toEqual([7]);
    expect(r.model.info.value?.state).toBe('done');
    expect(r.model.justDone.value).toBe(true);
    expect(r.model.busy.value).toBe(false);
  });

  it('a deleted pipeline is asked for again with recreate; a failure keeps its code', async () => {
    const r = rig([
      { state: 'gone', categoryId: 7, error: null },
      { state: 'failed', categoryId: null, error: 'PRESET_STAGE_REFUSED' },
    ]);
    await r.model.load();
    await r.model.create();
    expect(r.asked).toEqual([true]);
    expect(r.shown).toEqual([]);
    expect(presetFailureKey(r.model.info.value!.error)).toBe('failed.PRESET_STAGE_REFUSED');
    expect(presetFailureKey('SOMETHING_ELSE')).toBe('failed');
  });
});
