import type { NumberLocale } from '../../../lending/locale-number.js';
import type { BankView } from '../../../wire/documents.js';
import { percentOf } from '../doc-banks-form.js';
import { authShortKey, banksProblemKey, type DocBanksTranslate } from '../doc-banks-i18n.js';
import type { DocBanksModel } from '../doc-banks-model.js';
import type { Lang } from '../i18n.js';
import { BankEditor } from './doc-bank-editor.js';

interface Props {
  model: DocBanksModel;
  t: DocBanksTranslate;
  lang: Lang;
  locale: NumberLocale;
  /** Administrators add and edit; anyone else reads the list (the server checks again). */
  canEdit: boolean;
}

/** The banks directory: the list, and one bank's form (contacts, reply senders, reply policy, required fields). */
export function DocBanks({ model, t, lang, locale, canEdit }: Props) {
  const problem = model.problem.value;
  const open = model.editing.value;
  const saved = model.banks.value.find((b) => b.id === model.savedId.value);
  return (
    <section class="st-card st-banks" data-testid="doc-banks" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <p class="st-muted">{t('intro')}</p>
      {canEdit ? null : (
        <p class="st-note" role="status" data-testid="banks-read-only">
          {t('readOnly')}
        </p>
      )}
      {problem ? (
        <p class="st-error st-problem" role="alert" title={problem.detail}>
          {t(banksProblemKey(problem.key), { detail: problem.detail })}
        </p>
      ) : null}
      {saved ? (
        <p class="st-ok" role="status" data-testid="bank-saved">
          {t('saved', { name: saved.name })}
        </p>
      ) : null}
      {!model.loading.value && model.banks.value.length === 0 ? <p class="st-muted">{t('empty')}</p> : null}
      {model.banks.value.length > 0 ? (
        <table class="st-table st-table--stack">
          <thead>
            <tr>
              <th>{t('col.name')}</th>
              <th>{t('col.emails')}</th>
              <th>{t('col.phones')}</th>
              <th class="st-num">{t('col.fields')}</th>
              <th>{t('col.policy')}</th>
              {canEdit ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {model.banks.value.map((b) => (
              <BankRow
                key={b.id}
                bank={b}
                t={t}
                locale={locale}
                saved={b.id === model.savedId.value}
                onEdit={canEdit ? () => model.edit(b.id) : null}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {canEdit && open ? <BankEditor model={model} t={t} lang={lang} /> : null}
      {canEdit && !open ? (
        <div class="st-actions">
          <button type="button" class="st-button st-button--light" name="bank-add" onClick={() => model.startNew()}>
            {t('add')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function BankRow(props: { bank: BankView; t: DocBanksTranslate; locale: NumberLocale; saved: boolean; onEdit: (() => void) | null }) {
  const { bank: b, t } = props;
  const p = b.replyPolicy;
  return (
    <tr data-bank={b.name} class={props.saved ? 'st-row--saved' : undefined}>
      <td data-label={t('col.name')}>
        <strong>{b.name}</strong>
        {b.contactsUnreadable ? <span class="st-badge st-banks__warn"> {t('unreadableBadge')}</span> : null}
      </td>
      <td data-label={t('col.emails')} class="st-banks__contacts">
        {b.emails.join(', ') || '—'}
      </td>
      <td data-label={t('col.phones')} class="st-banks__contacts">
        {b.phones.join(', ') || '—'}
      </td>
      <td data-label={t('col.fields')} class="st-num">
        {b.requiredFields.length}
      </td>
      <td data-label={t('col.policy')}>
        {p
          ? t(p.bandMin === p.bandMax && p.bandMin === '1' ? 'policyExact' : 'policySummary', {
              auth: t(authShortKey(p.authentication)),
              min: percentOf(p.bandMin, props.locale),
              max: percentOf(p.bandMax, props.locale),
            })
          : '—'}
      </td>
      {props.onEdit ? (
        <td>
          <button type="button" class="st-link" name="bank-edit" onClick={props.onEdit}>
            {t('edit')}
          </button>
        </td>
      ) : null}
    </tr>
  );
}
