import type { PipelineInfo } from '../../../wire/stage-maps.js';
import { decisionKey, eventHintKey, eventKey, stageErrorKey, stagesProblemKey, type StagesTranslate } from '../stages-i18n.js';
import { DECISION_ORDER, EVENT_ORDER, type StagesModel } from '../stages-model.js';
import { Field } from './field.js';
import { LenderPreset } from './lender-preset.js';
import { StageRoles } from './stage-roles.js';
import type { PresetModel } from '../preset-model.js';
import type { PresetTranslate } from '../preset-i18n.js';

interface Props {
  model: StagesModel;
  t: StagesTranslate;
  /** The lender-pipeline preset, above the map it fills in. */
  preset?: { model: PresetModel; t: PresetTranslate } | undefined;
}

function StageSelect(props: {
  name: string;
  value: string;
  stages: PipelineInfo['stages'];
  t: StagesTranslate;
  onChange: (id: string) => void;
}) {
  return (
    <select class="st-input st-input--stage" name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{props.t('none')}</option>
      {props.stages.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

/** Per pipeline: a stage for each loan event both ways, the payout on issue; the server's refusal beside the field. */
export function StageMaps({ model, t, preset }: Props) {
  const problem = model.problem.value;
  const busy = model.busy.value;
  const errors = model.errors.value;
  const f = model.form.value;
  const pipeline = model.pipelines.value.find((p) => p.categoryId === model.categoryId.value);
  const err = (key: string) => (errors[key] ? t(stageErrorKey(errors[key])) : undefined);
  return (
    <section class="st-stages" data-testid="stage-maps" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <p class="st-muted">{t('intro')}</p>
      {preset ? <LenderPreset model={preset.model} t={preset.t} /> : null}
      {!model.loading.value && model.pipelines.value.length === 0 && !problem ? <p class="st-note">{t('noPipelines')}</p> : null}
      {pipeline ? (
        <form
          class="st-card"
          aria-busy={busy ? 'true' : 'false'}
          onSubmit={(e) => {
            e.preventDefault();
            void model.save();
          }}
        >
          <div class="st-grid">
            <Field label={t('pipeline')} wide>
              <select
                class="st-input"
                name="stage-pipeline"
                value={String(pipeline.categoryId)}
                onChange={(e) => model.choose(Number(e.currentTarget.value))}
              >
                {model.pipelines.value.map((p) => (
                  <option key={p.categoryId} value={String(p.categoryId)}>
                    {p.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <h3 class="st-h3">{t('stageToLoan')}</h3>
          <div class="st-grid">
            {EVENT_ORDER.map((ev) => (
              <Field key={ev} label={t(eventKey(ev))} error={err(ev)} hint={t(eventHintKey(ev)) || undefined} wide>
                <StageSelect
                  name={`stage-${ev}`}
                  value={f.onStage[ev]}
                  stages={pipeline.stages}
                  t={t}
                  onChange={(id) => model.setEvent(ev, id)}
                />
              </Field>
            ))}
          </div>
          <h3 class="st-h3">{t('loanToStage')}</h3>
          <div class="st-grid">
            {(['paidOff', 'current'] as const).map((which) => (
              <Field key={which} label={t(which)} error={err(which)} wide>
                <StageSelect
                  name={`stage-${which}`}
                  value={f[which]}
                  stages={pipeline.stages}
                  t={t}
                  onChange={(id) => model.setTarget(which, id)}
                />
              </Field>
            ))}
          </div>
          <fieldset class="st-stages__overdue">
            <legend class="st-field__label">{t('overdue')}</legend>
            {f.overdue.map((o, i) => (
              <div class="st-grid st-stages__threshold" key={i} data-testid="overdue-threshold">
                <Field label={t('overdueDays')} error={err(`overdue.${i}.days`)}>
                  <input
                    class="st-input st-input--short"
                    name={`overdue-days-${i}`}
                    type="text"
                    inputMode="numeric"
                    value={o.days}
                    onInput={(e) => model.setThreshold(i, 'days', e.currentTarget.value)}
                  />
                </Field>
                <Field label={t('overdueStage')} error={err(`overdue.${i}.stage`)}>
                  <StageSelect
                    name={`overdue-stage-${i}`}
                    value={o.stageId}
                    stages={pipeline.stages}
                    t={t}
                    onChange={(id) => model.setThreshold(i, 'stageId', id)}
                  />
                </Field>
                <button type="button" class="st-button st-button--light st-stages__remove" onClick={() => model.removeThreshold(i)}>
                  {t('removeThreshold')}
                </button>
              </div>
            ))}
            {model.canAddThreshold() ? (
              <button type="button" class="st-button st-button--light" name="add-threshold" onClick={() => model.addThreshold()}>
                {t('addThreshold')}
              </button>
            ) : null}
          </fieldset>
          <StageRoles model={model} t={t} stages={pipeline.stages} form={f} errors={errors} />
          <div class="st-grid">
            <label class="st-check st-field--wide">
              <input
                type="checkbox"
                name="payoutOnIssue"
                checked={f.payoutOnIssue}
                onChange={(e) => model.setPayout(e.currentTarget.checked)}
              />{' '}
              {t('payoutOnIssue')}
            </label>
            <Field label={t('clabeField')} error={err('clabeField')} hint={t('clabeHint')} wide>
              <input
                class="st-input"
                name="clabeField"
                type="text"
                autoComplete="off"
                spellcheck={false}
                value={f.clabeField}
                onInput={(e) => model.setClabeField(e.currentTarget.value)}
              />
            </Field>
          </div>
          <h3 class="st-h3">{t('bankDecisionTitle')}</h3>
          <p class="st-muted">{t('bankDecisionHint')}</p>
          <div class="st-grid">
            {DECISION_ORDER.map((d) => (
              <Field key={d} label={t(decisionKey(d))} error={err(`decision.${d}`)} wide>
                <StageSelect
                  name={`decision-${d}`}
                  value={f.bankDecision[d]}
                  stages={pipeline.stages}
                  t={t}
                  onChange={(id) => model.setDecision(d, id)}
                />
              </Field>
            ))}
          </div>
          <div class="st-actions">
            <button type="submit" class="st-button" name="stages-save" disabled={busy}>
              {busy ? t('saving') : t('save')}
            </button>
            {model.saved.value ? (
              <span class="st-ok" role="status">
                {t('saved')}
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
      {problem ? (
        <p class="st-error" role="alert" data-testid="stages-problem" title={problem.detail}>
          {t(stagesProblemKey(problem.key))}
        </p>
      ) : null}
    </section>
  );
}
