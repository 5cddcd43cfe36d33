// One catalog field as the user fills it: its label; in a bank's view whether the value comes from the
// base or is overridden for that bank, with "reset to base"; its input by type (value-input.tsx), or a
// list's rows (list-field.tsx); for a field with a source, whether the document takes the value from
// Bitrix24 or the saved loan (left empty) or what was typed. The server's refusal shows under the
// field, and the input keeps what was typed.
import type { CatalogField } from '../../../wire/document-catalog.js';
import { BASE, type DocumentsModel } from '../model.js';
import type { DocumentsTexts, WidgetLang } from '../texts.js';
import { ListInput } from './list-field.js';
import { SourceLine } from './source-line.js';
import { Input } from './value-input.js';

interface Props {
  field: CatalogField;
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
}

export function FieldRow({ field: f, model, t, lang }: Props) {
  const scope = model.scope.value;
  const key = model.keyOf(scope, f.code);
  const shown = model.shown(f.code);
  const error = model.errors.value[key];
  const missing = model.missing.value.has(f.code);
  const busy = model.saving.value === key;
  const id = `f-${f.code}`;
  const list = f.type === 'list';
  const cls = ['dt-field', list ? 'dt-field--list' : '', error ? 'dt-field--error' : '', missing ? 'dt-field--missing' : '']
    .filter(Boolean)
    .join(' ');
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
      {list ? (
        <ListInput f={f} id={id} model={model} t={t} lang={lang} busy={busy} />
      ) : (
        <Input
          f={f}
          id={id}
          model={model}
          t={t}
          lang={lang}
          value={shown.value}
          draft={model.drafts.value[key]}
          busy={busy}
          save={(v, typed) => void model.save(f.code, v, typed)}
          type={(text) => model.type(f.code, text)}
        />
      )}
      {f.source && <SourceLine f={{ ...f, source: f.source }} model={model} t={t} busy={busy} />}
      {error && (
        <p class="dt-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
