import { LOCALE_OF } from '../../shared/locale.js';
import type { ChecksKey, ChecksTranslate } from '../checks-i18n.js';
import type { ChecksModel } from '../checks-model.js';
import type { Lang } from '../i18n.js';
import { Field } from './field.js';

/** The portal's blacklist: its counts, a CSV file added all or nothing, one entry removed by its value. */
export function ChecksBlacklist({ model, t, lang }: { model: ChecksModel; t: ChecksTranslate; lang: Lang }) {
  const busy = model.busy.value;
  const outcome = model.importOutcome.value;
  const n = (x: number) => new Intl.NumberFormat(LOCALE_OF[lang]).format(x);
  return (
    <>
      <h3 class="st-h3">{t('blacklist')}</h3>
      <p data-testid="blacklist-counts">{t('counts', { phone: n(model.counts.value.phone), document: n(model.counts.value.document) })}</p>
      <Field label={t('blacklistFile')} hint={t('blacklistHint')} wide>
        <input
          class="st-input"
          type="file"
          name="blacklistFile"
          accept=".csv,text/csv"
          disabled={busy !== null}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void file.arrayBuffer().then((b) => model.importFile(file.name, new Uint8Array(b)));
            e.currentTarget.value = '';
          }}
        />
      </Field>
      {busy === 'importing' ? (
        <p class="st-muted" role="status">
          {t('importing')}
        </p>
      ) : null}
      {outcome?.kind === 'added' ? (
        <p class="st-ok" role="status" data-testid="blacklist-added">
          {t('added', { added: n(outcome.added), already: n(outcome.already) })}
        </p>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <div role="alert" data-testid="blacklist-refused">
          <p class="st-error">{outcome.headerMissing ? t('headerMissing') : t('refused')}</p>
          {outcome.issues.length > 0 ? (
            <div class="st-scroll">
              <table class="st-table">
                <thead>
                  <tr>
                    <th>{t('line')}</th>
                    <th>{t('column')}</th>
                    <th>{t('problemCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.issues.map((i) => (
                    <tr key={`${i.line}:${i.code}`}>
                      <td>{i.line}</td>
                      <td>{i.column}</td>
                      <td>{t(`issue.${i.code}` as ChecksKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
      <form
        class="st-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void model.remove();
        }}
      >
        <Field label={t('kind')}>
          <select
            class="st-input"
            name="remove-kind"
            value={model.removeKind.value}
            onChange={(e) => (model.removeKind.value = e.currentTarget.value as 'phone' | 'document')}
          >
            <option value="phone">{t('kind.phone')}</option>
            <option value="document">{t('kind.document')}</option>
          </select>
        </Field>
        <Field label={t('removeTitle')}>
          <input
            class="st-input"
            name="remove-value"
            autoComplete="off"
            value={model.removeValue.value}
            onInput={(e) => (model.removeValue.value = e.currentTarget.value)}
          />
        </Field>
        <div class="st-actions">
          <button type="submit" class="st-button st-button--light" disabled={busy !== null || !model.removeValue.value.trim()}>
            {t('remove')}
          </button>
          {model.removed.value ? (
            <span class={model.removed.value === 'yes' ? 'st-ok' : 'st-error'} role="status" data-testid="blacklist-removed">
              {' '}
              {t(`removed.${model.removed.value}`)}
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}
