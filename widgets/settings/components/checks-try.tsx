import type { ChecksTranslate } from '../checks-i18n.js';
import type { ChecksModel } from '../checks-model.js';
import { Field } from './field.js';

/** What the robot would answer for a phone or a document number, typed by the admin. */
export function ChecksTry({ model, t }: { model: ChecksModel; t: ChecksTranslate }) {
  const busy = model.busy.value;
  const result = model.tryResult.value;
  return (
    <>
      <h3 class="st-h3">{t('tryTitle')}</h3>
      <form
        class="st-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void model.tryNow();
        }}
      >
        <Field label={t('tryPhone')}>
          <input
            class="st-input"
            name="try-phone"
            type="tel"
            autoComplete="off"
            value={model.tryPhone.value}
            onInput={(e) => (model.tryPhone.value = e.currentTarget.value)}
          />
        </Field>
        <Field label={t('tryDocument')}>
          <input
            class="st-input"
            name="try-document"
            autoComplete="off"
            value={model.tryDocument.value}
            onInput={(e) => (model.tryDocument.value = e.currentTarget.value)}
          />
        </Field>
        <div class="st-actions">
          <button type="submit" class="st-button st-button--light" name="try-now" disabled={busy !== null}>
            {busy === 'trying' ? t('trying') : t('tryNow')}
          </button>
        </div>
      </form>
      {result ? (
        <div data-testid="check-result" data-verdict={result.verdict}>
          <p class={result.verdict === 'pass' ? 'st-ok' : 'st-error'} role="status">
            <strong>{t(`verdict.${result.verdict}`)}</strong>
          </p>
          <ul class="st-list">
            {result.findings.map((x) => (
              <li key={x.subject}>
                {t(`subject.${x.subject}`)}: {t(`outcome.${x.outcome}`)}
                {x.reason && x.outcome !== 'skipped' ? ` — ${x.reason}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
