// The input of a field that holds one value, by its type: a text input (text, person, address,
// document number, number, amount, date: typed-input.tsx), a choice, a multi-choice as check boxes, a
// yes/no box. Used for a field (field-row.tsx) and for a list's cell (list-field.tsx).
import type { CatalogField, CatalogItemField } from '../../../wire/document-catalog.js';
import { typedKindOf } from '../field-input.js';
import type { DocumentsModel } from '../model.js';
import type { DocumentsTexts, WidgetLang } from '../texts.js';
import { TypedInput } from './typed-input.js';

export interface InputProps {
  f: CatalogField | CatalogItemField;
  id: string;
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
  value: unknown;
  draft: string | undefined;
  busy: boolean;
  /** Where the value goes: the field itself, or a list's cell. */
  save: (value: unknown, typed?: string) => void;
  type: (text: string) => void;
  /** A list's cell names itself to screen readers (its column header is the visible label). */
  label?: string;
}

/** The input of a field that holds one value, by its type. */
export function Input({ f, id, model, t, lang, value, draft, busy, save, type, label }: InputProps) {
  const kind = typedKindOf(f.type);
  const named = label ? { 'aria-label': label } : {};
  if (kind)
    return (
      <TypedInput
        id={id}
        kind={kind}
        value={value}
        draft={draft}
        busy={busy}
        locale={model.locale}
        currency={model.currency}
        {...(label ? { label } : {})}
        onType={type}
        onCommit={save}
      />
    );
  if (f.type === 'choice')
    return (
      <select
        id={id}
        class="dt-input"
        value={typeof value === 'string' ? value : ''}
        disabled={busy}
        {...named}
        onChange={(e) => save(e.currentTarget.value || null)}
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
                save(next.length ? next : null);
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
          {...named}
          onChange={(e) => save(e.currentTarget.checked)}
        />
        {t.yes}
      </label>
    );
  return null;
}
