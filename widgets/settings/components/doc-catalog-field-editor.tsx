// One catalog field's form in the catalog screen: code, labels in three languages, type, limits, options,
// source, and a list field's row fields edited inline (RowsEditor). Errors beside their input, from the model.
import {
  EDITABLE_TYPES,
  hasBounds,
  hasMaxLength,
  hasOptions,
  LOAN_FIGURE_CHOICES,
  ROW_TYPES,
  SOURCE_KINDS,
  type FieldForm,
  type FormKey,
  type RowForm,
  type RowKey,
} from '../doc-catalog-form.js';
import { figureKey, formErrorKey, sourceKey, typeKey, type DocCatalogTranslate } from '../doc-catalog-i18n.js';
import type { DocCatalogModel } from '../doc-catalog-model.js';
import { Field } from './field.js';

export function FieldEditor({
  model,
  t,
  form,
  isNew,
}: {
  model: DocCatalogModel;
  t: DocCatalogTranslate;
  form: FieldForm;
  isNew: boolean;
}) {
  const errors = model.errors.value;
  const err = (k: FormKey) => (errors[k] ? t(formErrorKey(errors[k])) : undefined);
  const text = (k: 'code' | 'ru' | 'en' | 'es' | 'section' | 'maxLength' | 'min' | 'max' | 'sourceField', label: string, hint?: string) => (
    <Field label={label} error={err(k)} hint={hint} wide>
      <input
        class="st-input"
        name={`catalog-${k}`}
        maxLength={k === 'code' || k === 'section' || k === 'sourceField' ? 100 : 200}
        inputMode={k === 'maxLength' ? 'numeric' : k === 'min' || k === 'max' ? 'decimal' : undefined}
        value={form[k]}
        onInput={(e) => model.set(k, e.currentTarget.value)}
      />
    </Field>
  );
  return (
    <form
      class="st-card st-catalog__form"
      data-testid="catalog-form"
      aria-busy={model.busy.value ? 'true' : 'false'}
      onSubmit={(e) => {
        e.preventDefault();
        void model.saveField();
      }}
    >
      <h3 class="st-h3">{isNew ? t('newField') : t('editField', { code: form.code })}</h3>
      <div class="st-grid">
        {text('code', t('code'), t('codeHint'))}
        {text('section', t('section'))}
        {text('ru', t('label.ru'))}
        {text('en', t('label.en'))}
        {text('es', t('label.es'))}
        <Field label={t('type')} error={err('type')} wide>
          <select
            class="st-input"
            name="catalog-type"
            value={form.type}
            onChange={(e) => model.set('type', e.currentTarget.value as FieldForm['type'])}
          >
            {EDITABLE_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(typeKey(ty))}
              </option>
            ))}
          </select>
        </Field>
        {hasMaxLength(form.type) ? text('maxLength', t('maxLength')) : null}
        {hasBounds(form.type) ? text('min', t('min')) : null}
        {hasBounds(form.type) ? text('max', t('max')) : null}
        {hasOptions(form.type) ? (
          <Field label={t('options')} error={err('options')} hint={t('optionsHint')} wide>
            <textarea
              class="st-input"
              name="catalog-options"
              rows={4}
              value={form.options}
              onInput={(e) => model.set('options', e.currentTarget.value)}
            />
          </Field>
        ) : null}
        {form.type === 'list' ? <RowsEditor model={model} t={t} rows={form.rows} err={err} /> : null}
        <Field label={t('source')} wide>
          <select
            class="st-input"
            name="catalog-sourceKind"
            value={form.sourceKind}
            onChange={(e) => model.set('sourceKind', e.currentTarget.value as FieldForm['sourceKind'])}
          >
            <option value="">{t('sourceNone')}</option>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(sourceKey(k))}
              </option>
            ))}
          </select>
        </Field>
        {form.sourceKind === 'loan' ? (
          <Field label={t('sourceFigure')} error={err('sourceField')} wide>
            <select
              class="st-input"
              name="catalog-sourceFigure"
              value={form.sourceField}
              onChange={(e) => model.set('sourceField', e.currentTarget.value)}
            >
              <option value="" disabled>
                {t('sourceFigurePick')}
              </option>
              {LOAN_FIGURE_CHOICES.map((f) => (
                <option key={f} value={f}>
                  {t(figureKey(f))}
                </option>
              ))}
            </select>
          </Field>
        ) : form.sourceKind ? (
          text('sourceField', t('sourceField'), t('sourceFieldHint'))
        ) : null}
        <label class="st-check st-field--wide">
          <input
            type="checkbox"
            name="catalog-required"
            checked={form.required}
            onChange={(e) => model.set('required', e.currentTarget.checked)}
          />{' '}
          {t('required')}
        </label>
      </div>
      <div class="st-actions">
        <button type="submit" class="st-button" name="catalog-save" disabled={model.busy.value !== null}>
          {model.busy.value === 'saving' ? t('saving') : t('save')}
        </button>{' '}
        <button type="button" class="st-button st-button--light" name="catalog-cancel" onClick={() => model.cancel()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** A list's row fields, each a line of inputs with its errors beside them; added and removed in place. */
function RowsEditor(props: { model: DocCatalogModel; t: DocCatalogTranslate; rows: RowForm[]; err: (k: FormKey) => string | undefined }) {
  const { model, t, rows, err } = props;
  const text = (i: number, r: RowForm, k: RowKey, label: string) => (
    <Field label={label} error={err(`rows.${i}.${k}`)}>
      <input
        class="st-input"
        name={`catalog-row-${k}`}
        maxLength={k === 'code' ? 100 : 200}
        value={r[k]}
        onInput={(e) => model.setRow(i, k, e.currentTarget.value)}
      />
    </Field>
  );
  return (
    <fieldset class="st-field--wide st-catalog__rows" data-testid="catalog-rows">
      <legend>{t('rowFieldsTitle')}</legend>
      {rows.map((r, i) => (
        <div key={i} class="st-grid st-catalog__row" data-row={i}>
          {text(i, r, 'code', t('code'))}
          {text(i, r, 'ru', t('label.ru'))}
          {text(i, r, 'en', t('label.en'))}
          {text(i, r, 'es', t('label.es'))}
          <Field label={t('type')}>
            <select
              class="st-input"
              name="catalog-row-type"
              value={r.type}
              onChange={(e) => model.setRow(i, 'type', e.currentTarget.value as RowForm['type'])}
            >
              {(ROW_TYPES.includes(r.type) ? ROW_TYPES : [...ROW_TYPES, r.type]).map((ty) => (
                <option key={ty} value={ty}>
                  {t(typeKey(ty))}
                </option>
              ))}
            </select>
          </Field>
          <label class="st-check">
            <input
              type="checkbox"
              name="catalog-row-required"
              checked={r.required}
              onChange={(e) => model.setRow(i, 'required', e.currentTarget.checked)}
            />{' '}
            {t('required')}
          </label>
          <button type="button" class="st-link" name="catalog-row-remove" onClick={() => model.removeRow(i)}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" class="st-button st-button--light" name="catalog-row-add" onClick={() => model.addRow()}>
        {t('addRowField')}
      </button>
    </fieldset>
  );
}

/** What a diff adds, removes, renames and otherwise changes, each code with its label in the admin's language. */
