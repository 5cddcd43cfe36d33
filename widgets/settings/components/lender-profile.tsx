import { lenderProblemKey, nameErrorKey, type LenderTranslate } from '../lender-i18n.js';
import type { LenderModel } from '../lender-model.js';
import { Field } from './field.js';

interface Props {
  model: LenderModel;
  t: LenderTranslate;
}

/** The lender's company name: type, save; the server's refusal shows beside the field, what was typed stays. */
export function LenderProfile({ model, t }: Props) {
  const error = model.error.value;
  const problem = model.problem.value;
  const busy = model.busy.value;
  return (
    <section class="st-lender" data-testid="lender" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <form
        class="st-card st-provider"
        aria-busy={busy ? 'true' : 'false'}
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <p class="st-muted">{t('intro')}</p>
        <div class="st-grid">
          <Field label={t('companyName')} error={error ? t(nameErrorKey(error)) : undefined} wide>
            <input
              class="st-input"
              name="companyName"
              type="text"
              autoComplete="organization"
              disabled={model.loading.value}
              value={model.companyName.value}
              onInput={(e) => model.setName((e.target as HTMLInputElement).value)}
            />
          </Field>
        </div>
        <div class="st-actions st-provider__actions">
          <button type="submit" class="st-button" disabled={busy || model.loading.value}>
            {busy ? t('saving') : t('save')}
          </button>
          {model.saved.value ? (
            <span class="st-ok" role="status">
              {t('saved')}
            </span>
          ) : null}
        </div>
        {problem ? (
          <p class="st-error" role="alert" data-testid="lender-problem" title={problem.detail}>
            {t(lenderProblemKey(problem.key))}
          </p>
        ) : null}
      </form>
    </section>
  );
}
