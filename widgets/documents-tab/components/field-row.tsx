// One catalog field as the user fills it, by its type: a text input (text, person, address, document
// number), a number or an amount typed the way the user's language writes it, a date, a choice, a
// multi-choice as check boxes, a yes/no box. In a bank's view it says whether the value comes from the
// base or is overridden for that bank, with "reset to base". The server's refusal shows under the
// field, and the input keeps what was typed.
import type { CatalogField } from '../../../wire/document-catalog.js';
import { DATE_PLACEHOLDER, isMoney, typedFromValue, valueFromTyped, type TypedKind } from '../field-input.js';
import { BASE, type DocumentsModel } from '../model.js';
import type { DocumentsTexts, WidgetLang } from '../texts.js';
import { fill } from '../texts.js';

interface Props {
  field: CatalogField;
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
}

const TYPED: Partial<Record<CatalogField['type'], TypedKind>> = {
  text: 'text',
  person: 'text',
  address: 'text',
  document_number: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
};

export function FieldRow({ field: f, model, t, lang }: Props) {
  const scope = model.scope.value;
  const key = model.keyOf(scope, f.code);
  const shown = model.shown(f.code);
  const error = model.errors.value[key];
  const missing = model.missing.value.has(f.code);
  const busy = model.saving.value === key;
  const id = `f-${f.code}`;
  const cls = ['dt-field', error ? 'dt-field--error' : '', missing ? 'dt-field--missing' : ''].filter(Boolean).join(' ');
  return (
    <div class={cls} data-code={f.code} data-source={shown.source ?? 'base'}>
      <div class="dt-field__head">
        <label class="dt-field__label" for={id}>
          {f.label[lang]}
        </label>
        {shown.source && scope !== BASE && (
          <span class={`dt-badge dt-badge--${shown.source}`}>{shown.source === 'override' ? t.overridden : t.inherited}</span>
        )}
        {shown.source === 'override' && (
          <button type="button" class="dt-link dt-reset" disabled={busy} onClick={() => void model.resetToBase(f.code)}>
            {t.resetToBase}
          </button>
        )}
      </div>
      <Input f={f} id={id} model={model} t={t} lang={lang} value={shown.value} draft={model.drafts.value[key]} busy={busy} />
      {error && (
        <p class="dt-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Input({
  f,
  id,
  model,
  t,
  lang,
  value,
  draft,
  busy,
}: {
  f: CatalogField;
  id: string;
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
  value: unknown;
  draft: string | undefined;
  busy: boolean;
}) {
  const kind = TYPED[f.type];
  if (kind) {
    const currency = isMoney(value) ? value.currency : model.currency;
    const shownText = typedFromValue(kind, value, model.locale);
    const commit = (text: string) => {
      if (draft === undefined && text === shownText) return;
      void model.save(f.code, valueFromTyped(kind, text, model.locale, currency), text);
    };
    const common = {
      id,
      class: 'dt-input',
      value: draft ?? shownText,
      disabled: busy,
      onInput: (e: { currentTarget: HTMLInputElement }) => model.type(f.code, e.currentTarget.value),
      onBlur: (e: { currentTarget: HTMLInputElement }) => commit(e.currentTarget.value),
      onKeyDown: (e: { key: string; currentTarget: HTMLInputElement }) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      },
    };
    // Dates too are typed as the user's language writes them: a date picker shows the browser's
    // format, which is not the Bitrix24 user's when their interface language differs.
    const input = (
      <input
        type="text"
        inputMode={kind === 'number' || kind === 'money' ? 'decimal' : 'text'}
        {...(kind === 'date' ? { placeholder: DATE_PLACEHOLDER[model.locale] } : {})}
        {...common}
      />
    );
    return kind === 'money' ? (
      <div class="dt-money">
        {input}
        <span class="dt-money__currency">{currency}</span>
      </div>
    ) : (
      input
    );
  }
  if (f.type === 'choice')
    return (
      <select
        id={id}
        class="dt-input"
        value={typeof value === 'string' ? value : ''}
        disabled={busy}
        onChange={(e) => void model.save(f.code, e.currentTarget.value || null)}
      >
        <option value="">—</option>
        {(f.options ?? []).map((o) => (
          <option value={o.value}>{o.label[lang]}</option>
        ))}
      </select>
    );
  if (f.type === 'multi') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    return (
      <div class="dt-checks" id={id}>
        {(f.options ?? []).map((o) => (
          <label class="dt-check">
            <input
              type="checkbox"
              checked={chosen.includes(o.value)}
              disabled={busy}
              onChange={(e) => {
                const next = e.currentTarget.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value);
                void model.save(f.code, next.length ? next : null);
              }}
            />
            {o.label[lang]}
          </label>
        ))}
      </div>
    );
  }
  if (f.type === 'bool')
    return (
      <label class="dt-check">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={busy}
          onChange={(e) => void model.save(f.code, e.currentTarget.checked)}
        />
        {t.yes}
      </label>
    );
  return <p class="dt-muted">{fill(t.listField, { n: Array.isArray(value) ? value.length : 0 })}</p>;
}
