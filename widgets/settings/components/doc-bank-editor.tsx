// One bank's form in the banks directory: contacts, reply senders and policy, the bank's own message
// (MessageFields) and the fields it requires (RequiredFields, a searchable checklist of the catalog).
import { AUTHENTICATIONS, checklist, missingFromCatalog, type BankFormKey } from '../doc-banks-form.js';
import { authKey, bankErrorKey, type DocBanksTranslate } from '../doc-banks-i18n.js';
import type { DocBanksModel } from '../doc-banks-model.js';
import { TEMPLATE_LANGS, TEMPLATE_PLACEHOLDERS, type TemplateLang } from '../doc-banks-template.js';
import type { Lang } from '../i18n.js';
import { sectionTitle } from '../../shared/section-title.js';
import { Field } from './field.js';

export function BankEditor({ model, t, lang }: { model: DocBanksModel; t: DocBanksTranslate; lang: Lang }) {
  const open = model.editing.value!;
  const f = open.form;
  const errors = model.errors.value;
  const busy = model.busy.value;
  const err = (k: BankFormKey) => {
    const e = errors[k];
    return e ? t(bankErrorKey(e.problem), { entry: e.entry ?? '' }) : undefined;
  };
  const list = (k: 'emails' | 'phones' | 'replySenders', hint: string) => (
    <Field label={t(k)} error={err(k)} hint={hint} wide>
      <textarea
        class="st-input st-banks__list"
        name={`bank-${k}`}
        rows={3}
        value={f[k]}
        aria-invalid={errors[k] ? 'true' : undefined}
        onInput={(e) => model.set(k, e.currentTarget.value)}
      />
    </Field>
  );
  const line = (k: 'name' | 'dealCurrencies', name: string, maxLength: number, hint?: string, wide?: boolean) => (
    <Field label={t(k)} error={err(k)} hint={hint} wide={wide}>
      <input
        class="st-input"
        name={name}
        maxLength={maxLength}
        value={f[k]}
        aria-invalid={errors[k] ? 'true' : undefined}
        onInput={(e) => model.set(k, e.currentTarget.value)}
      />
    </Field>
  );
  const band = (k: 'bandMin' | 'bandMax', name: string, hint?: string) => (
    <Field label={t(k)} error={err(k)} hint={hint}>
      <input
        class="st-input st-input--number"
        name={name}
        inputMode="decimal"
        value={f[k]}
        aria-invalid={errors[k] ? 'true' : undefined}
        onInput={(e) => model.set(k, e.currentTarget.value)}
      />
    </Field>
  );
  return (
    <form
      class="st-card st-banks__form"
      data-testid="bank-form"
      aria-busy={busy ? 'true' : 'false'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void model.save();
      }}
    >
      <h3 class="st-h3">{open.id === null ? t('newBank') : t('editBank', { name: f.name })}</h3>
      {open.unreadable ? (
        <p class="st-note" role="alert" data-testid="bank-unreadable">
          {t('unreadable')}
        </p>
      ) : null}
      <div class="st-grid">{line('name', 'bank-name', 200, undefined, true)}</div>
      <div class="st-grid">
        {list('emails', t('emailsHint'))}
        {list('phones', t('phonesHint'))}
        {list('replySenders', t('replySendersHint'))}
        {line('dealCurrencies', 'bank-deal-currencies', 100, t('dealCurrenciesHint'))}
      </div>
      <fieldset class="st-banks__policy">
        <legend class="st-h4">{t('policy')}</legend>
        <p class="st-field__label">{t('authentication')}</p>
        {AUTHENTICATIONS.map((a) => (
          <label key={a} class="st-banks__radio">
            <input
              type="radio"
              name="bank-authentication"
              value={a}
              checked={f.authentication === a}
              onChange={() => model.set('authentication', a)}
            />{' '}
            {t(authKey(a))}
          </label>
        ))}
        <p class="st-muted">{t('band')}</p>
        <div class="st-grid">
          {band('bandMin', 'bank-band-min', t('bandHint'))}
          {band('bandMax', 'bank-band-max')}
        </div>
      </fieldset>
      <MessageFields model={model} t={t} err={err} />
      <RequiredFields model={model} t={t} lang={lang} />
      <div class="st-actions">
        <button type="submit" class="st-button" name="bank-save" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>{' '}
        <button type="button" class="st-button st-button--light" name="bank-cancel" disabled={busy} onClick={() => model.cancel()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function MessageFields({ model, t, err }: { model: DocBanksModel; t: DocBanksTranslate; err: (k: BankFormKey) => string | undefined }) {
  const m = model.editing.value!.form.message;
  const text = (k: 'subject' | 'body' | 'sms', key: 'messageSubject' | 'messageBody' | 'messageSms', rows: number) => (
    <Field label={t(key)} error={err(key)} wide>
      {rows === 1 ? (
        <input
          class="st-input"
          name={`bank-message-${k}`}
          maxLength={200}
          value={m[k]}
          aria-invalid={err(key) ? 'true' : undefined}
          onInput={(e) => model.setMessage(k, e.currentTarget.value)}
        />
      ) : (
        <textarea
          class="st-input st-banks__list"
          name={`bank-message-${k}`}
          rows={rows}
          value={m[k]}
          aria-invalid={err(key) ? 'true' : undefined}
          onInput={(e) => model.setMessage(k, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  return (
    <fieldset class="st-banks__policy" data-testid="bank-message">
      <legend class="st-h4">{t('message')}</legend>
      <p class="st-muted">{t('messageHint')}</p>
      <p class="st-field__hint st-banks__placeholders">
        {t('placeholders', { list: TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}
      </p>
      <div class="st-grid">
        <Field label={t('messageLang')}>
          <select
            class="st-input"
            name="bank-message-lang"
            value={m.lang}
            onChange={(e) => model.setMessage('lang', e.currentTarget.value as TemplateLang)}
          >
            {TEMPLATE_LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('subject', 'messageSubject', 1)}
      </div>
      <div class="st-grid">
        {text('body', 'messageBody', 6)}
        {text('sms', 'messageSms', 3)}
      </div>
    </fieldset>
  );
}

/**
 * One field's check box, named by its label alone (a click on the words ticks it; a screen reader and
 * getByLabel hear the field's name) with its code as the description. A code no longer in the catalog
 * has no label: the code is its name.
 */
function RequiredField(p: { code: string; label: string | null; checked: boolean; model: DocBanksModel }) {
  const id = `bank-required-${p.code}`;
  return (
    <div class="st-banks__field" data-code={p.code}>
      <input
        type="checkbox"
        id={id}
        checked={p.checked}
        aria-describedby={p.label === null ? undefined : `${id}-code`}
        onChange={() => p.model.toggleField(p.code)}
      />{' '}
      {p.label === null ? (
        <label for={id}>
          <code>{p.code}</code>
        </label>
      ) : (
        <>
          <label for={id}>{p.label}</label>{' '}
          <code class="st-muted" id={`${id}-code`}>
            {p.code}
          </code>
        </>
      )}
    </div>
  );
}

function RequiredFields({ model, t, lang }: { model: DocBanksModel; t: DocBanksTranslate; lang: Lang }) {
  const chosen = model.editing.value!.form.requiredFields;
  const fields = model.fields.value.map((f) => ({ code: f.code, label: f.label[lang], section: f.section }));
  const search = model.search.value;
  const groups = checklist(fields, chosen, search);
  const gone = missingFromCatalog(fields, chosen);
  return (
    <fieldset class="st-banks__required" data-testid="bank-required">
      <legend class="st-h4">
        {t('required')} · <span data-testid="bank-required-count">{t('requiredCount', { count: chosen.length })}</span>
      </legend>
      {fields.length === 0 ? (
        <p class="st-muted">{t('noCatalog')}</p>
      ) : (
        <>
          <input
            class="st-input st-banks__search"
            type="search"
            name="bank-field-search"
            placeholder={t('search')}
            aria-label={t('search')}
            value={search}
            onInput={(e) => (model.search.value = e.currentTarget.value)}
          />
          {groups.length === 0 ? <p class="st-muted">{t('noMatch')}</p> : null}
          {groups.map((g) => (
            <details key={g.section} class="st-banks__section" data-section={g.section} open={search.trim() !== '' || groups.length === 1}>
              <summary>
                {sectionTitle(g.section, lang)} <span class="st-muted">({t('sectionCount', { chosen: g.chosen, total: g.total })})</span>
              </summary>
              {g.fields.map((fld) => (
                <RequiredField key={fld.code} code={fld.code} label={fld.label} checked={chosen.includes(fld.code)} model={model} />
              ))}
            </details>
          ))}
        </>
      )}
      {gone.length > 0 ? (
        <div class="st-note" data-testid="bank-required-gone">
          <p>{t('notInCatalog')}</p>
          {gone.map((code) => (
            <RequiredField key={code} code={code} label={null} checked model={model} />
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
