// A list field's rows (co-borrowers, previous loans): each row numbered, its item fields as inputs of
// their own types (amounts and dates typed the user's way), "Remove" per row and "Add row" below. The
// list is one value: in a bank's view it is inherited from the base or overridden whole, and the
// field's header (field-row.tsx) shows which and offers "reset to base". A refusal the server names
// a cell of (a day that does not exist) marks that cell alone, with its message under it.
import type { CatalogField } from '../../../wire/document-catalog.js';
import type { ListItem } from '../list-model.js';
import type { DocumentsModel } from '../model.js';
import { fill, type DocumentsTexts, type WidgetLang } from '../texts.js';
import { Input } from './value-input.js';

interface Props {
  f: CatalogField;
  id: string;
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
  busy: boolean;
}

export function ListInput({ f, id, model, t, lang, busy }: Props) {
  const { saved, pending } = model.listRows(f.code);
  const rows: ListItem[] = [...saved, ...Array.from({ length: pending }, (): ListItem => ({}))];
  const items = f.item ?? [];
  return (
    <div class="dt-list" id={id}>
      {rows.length === 0 && <p class="dt-muted dt-list__empty">{t.listEmpty}</p>}
      {rows.map((row, i) => (
        <div class="dt-list__row" data-row={i} data-saved={i < saved.length ? 'yes' : 'no'}>
          <div class="dt-list__head">
            <span class="dt-list__number">{fill(t.listRow, { n: i + 1 })}</span>
            <button type="button" class="dt-link dt-list__remove" disabled={busy} onClick={() => void model.removeRow(f.code, i)}>
              {t.removeRow}
            </button>
          </div>
          <div class="dt-list__cells">
            {items.map((item) => {
              const cellId = `${id}-${i}-${item.code}`;
              const label = item.label[lang];
              const cellKey = model.cellKey(f.code, i, item.code);
              // A refusal the server pinned to this cell: marked here, its message beside it.
              const error = model.errors.value[cellKey];
              return (
                <div class={error ? 'dt-list__cell dt-list__cell--error' : 'dt-list__cell'} data-item={item.code}>
                  <label class="dt-list__label" for={cellId}>
                    {label}
                  </label>
                  <Input
                    f={item}
                    id={cellId}
                    model={model}
                    t={t}
                    lang={lang}
                    value={row[item.code]}
                    draft={model.drafts.value[cellKey]}
                    busy={busy}
                    label={`${label} ${i + 1}`}
                    save={(v, typed) => void model.saveCell(f.code, i, item.code, v, typed ?? null)}
                    type={(text) => model.typeCell(f.code, i, item.code, text)}
                  />
                  {error && (
                    <p class="dt-field__error dt-list__error" role="alert">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      ))}
      <button type="button" class="dt-button dt-button--light dt-list__add" disabled={busy} onClick={() => model.addRow(f.code)}>
        {t.addRow}
      </button>
    </div>
  );
}
