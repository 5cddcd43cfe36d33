import type { PipelineInfo } from '../../../wire/stage-maps.js';
import { stageErrorKey, type StagesTranslate } from '../stages-i18n.js';
import type { RoleKind, StageFieldError, StageForm, StagesModel } from '../stages-model.js';
import { Field } from './field.js';

interface Props {
  model: StagesModel;
  t: StagesTranslate;
  stages: PipelineInfo['stages'];
  form: StageForm;
  errors: Record<string, StageFieldError>;
}

const KINDS: readonly RoleKind[] = ['', 'user', 'field'];

/** Per stage: who becomes responsible on entering it — nobody new, a user by ID, or the user in a deal field. */
export function StageRoles({ model, t, stages, form, errors }: Props) {
  return (
    <fieldset class="st-stages__roles" data-testid="stage-roles">
      <legend class="st-h3">{t('roles')}</legend>
      <p class="st-muted st-small">{t('rolesHint')}</p>
      {stages.map((s) => {
        const r = form.roles[s.id] ?? { kind: '' as RoleKind, value: '' };
        const e = errors[`role.${s.id}`];
        return (
          <div class="st-grid st-stages__role" key={s.id}>
            <Field label={s.name}>
              <select
                class="st-input st-input--stage"
                name={`role-kind-${s.id}`}
                value={r.kind}
                onChange={(ev) => model.setRole(s.id, 'kind', ev.currentTarget.value)}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(k === '' ? 'role.none' : k === 'user' ? 'role.user' : 'role.field')}
                  </option>
                ))}
              </select>
            </Field>
            {r.kind ? (
              <Field label={t(r.kind === 'user' ? 'roleUserId' : 'roleFieldCode')} error={e ? t(stageErrorKey(e)) : undefined}>
                <input
                  class="st-input"
                  name={`role-value-${s.id}`}
                  type="text"
                  inputMode={r.kind === 'user' ? 'numeric' : 'text'}
                  autoComplete="off"
                  spellcheck={false}
                  placeholder={r.kind === 'user' ? '12' : 'UF_CRM_…'}
                  value={r.value}
                  onInput={(ev) => model.setRole(s.id, 'value', ev.currentTarget.value)}
                />
              </Field>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
