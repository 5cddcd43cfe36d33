import { checksProblemKey, type ChecksTranslate } from '../checks-i18n.js';
import type { ChecksModel } from '../checks-model.js';
import type { Lang } from '../i18n.js';
import { ChecksBlacklist } from './checks-blacklist.js';
import { ChecksBureau } from './checks-bureau.js';
import { ChecksTry } from './checks-try.js';
import { Field } from './field.js';

interface Props {
  model: ChecksModel;
  t: ChecksTranslate;
  lang: Lang;
}

/** The "Check the applicant" robot's settings: country, blacklist (file, counts, remove one), bureau over HTTP, a try. */
export function ApplicantChecks({ model, t, lang }: Props) {
  const problem = model.problem.value;
  return (
    <section class="st-checks" data-testid="applicant-checks" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <div class="st-card">
        <p class="st-muted">{t('intro')}</p>
        <div class="st-grid">
          <Field label={t('country')}>
            <select
              class="st-input"
              name="check-country"
              value={model.country.value ?? ''}
              onChange={(e) => model.setCountry((e.currentTarget.value || null) as 'RU' | 'MX' | null)}
            >
              <option value="">{t('country.none')}</option>
              <option value="RU">{t('country.RU')}</option>
              <option value="MX">{t('country.MX')}</option>
            </select>
          </Field>
        </div>

        <ChecksBlacklist model={model} t={t} lang={lang} />
        <ChecksBureau model={model} t={t} />
        <ChecksTry model={model} t={t} />
        {problem ? (
          <p class="st-error" role="alert" data-testid="checks-problem" title={problem.detail}>
            {t(checksProblemKey(problem.key))}
          </p>
        ) : null}
      </div>
    </section>
  );
}
