import { presetFailureKey, presetProblemKey, type PresetTranslate } from '../preset-i18n.js';
import type { PresetModel } from '../preset-model.js';

interface Props {
  model: PresetModel;
  t: PresetTranslate;
}

/** The lender-pipeline preset: one button, and what came of it in words (made, being made, deleted, refused). */
export function LenderPreset({ model, t }: Props) {
  const info = model.info.value;
  const busy = model.busy.value;
  const state = busy ? 'running' : (info?.state ?? 'none');
  const problem = model.problem.value;
  const label = state === 'gone' ? t('recreate') : state === 'done' ? t('complete') : t('create');
  const result =
    state === 'running'
      ? t('running')
      : state === 'done'
        ? t(model.justDone.value ? 'done' : 'exists')
        : state === 'gone'
          ? t('gone')
          : state === 'failed'
            ? t(presetFailureKey(info?.error ?? null))
            : null;
  return (
    <div class="st-card st-preset" data-testid="lender-preset" data-state={state}>
      <h3 class="st-h3 st-preset__title">{t('title')}</h3>
      <p class="st-muted">{t('intro')}</p>
      <div class="st-actions">
        <button type="button" class="st-button" name="create-lender-pipeline" disabled={busy} onClick={() => void model.create()}>
          {label}
        </button>
      </div>
      {result ? (
        <p class={state === 'failed' || state === 'gone' ? 'st-error' : 'st-preset__result'} role="status" data-testid="preset-result">
          {result}
        </p>
      ) : null}
      {problem ? (
        <p class="st-error" role="alert">
          {t(presetProblemKey(problem.key))}
        </p>
      ) : null}
    </div>
  );
}
