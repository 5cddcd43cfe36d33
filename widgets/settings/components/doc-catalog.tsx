import type { CatalogDiffView, CatalogField } from '../../../wire/document-catalog.js';
import {
  EDITABLE_TYPES,
  hasBounds,
  hasMaxLength,
  hasOptions,
  isLoanFigure,
  LOAN_FIGURE_CHOICES,
  ROW_TYPES,
  SOURCE_KINDS,
  type FieldForm,
  type FormKey,
  type RowForm,
  type RowKey,
} from '../doc-catalog-form.js';
import { catalogProblemKey, figureKey, formErrorKey, sourceKey, typeKey, type DocCatalogTranslate } from '../doc-catalog-i18n.js';
import type { DocCatalogModel } from '../doc-catalog-model.js';
import { bySection, isEmptyDiff } from '../doc-catalog-form.js';
import type { FormatDate } from '../format.js';
import type { Lang } from '../i18n.js';
import { sectionTitle } from '../../shared/section-title.js';
import { Field } from './field.js';

interface Props {
  model: DocCatalogModel;
  t: DocCatalogTranslate;
  lang: Lang;
  instant: FormatDate;
}

/** A source's field as the admin reads it: a loan figure by its name, a Bitrix24 field by its code. */
function sourceFieldText(source: NonNullable<CatalogField['source']>, t: DocCatalogTranslate): string {
  return source.kind === 'loan' && isLoanFigure(source.field) ? t(figureKey(source.field)) : source.field;
}

/** The field catalog of document packs: published version, draft by section, one field's form, Publish and what it did. */
export function DocCatalog({ model, t, lang, instant }: Props) {
  const problem = model.problem.value;
  const published = model.published.value;
  const latest = model.versions.value.at(-1);
  const draft = model.draft.value;
  const busy = model.busy.value;
  const open = model.editing.value;
  // The draft's label (what publishing will show), else the published one (a field being removed).
  const labelOf = (code: string) => (draft.find((f) => f.code === code) ?? published?.fields.find((f) => f.code === code))?.label[lang];
  return (
    <section class="st-card st-catalog" data-testid="doc-catalog" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <p class="st-muted">{t('intro')}</p>
      <p class="st-note" data-testid="catalog-status">
        {published && latest
          ? t('publishedVersion', { version: published.version, date: instant(latest.publishedAt), count: published.fields.length })
          : t('nothingPublished')}
        <br />
        {t('draftCount', { count: draft.length })}
      </p>
      {problem ? (
        <p class="st-error st-problem" role="alert" title={problem.detail}>
          {t(catalogProblemKey(problem.key), { detail: problem.detail })}
        </p>
      ) : null}
      {model.result.value ? (
        <div class="st-ok" role="status" data-testid="catalog-published">
          <p>{t(model.result.value.created ? 'published' : 'unchanged', { version: model.result.value.version })}</p>
          <DiffList t={t} diff={model.result.value.diff} labelOf={labelOf} />
        </div>
      ) : null}
      {!isEmptyDiff(model.pending.value) ? (
        <div class="st-note" data-testid="catalog-pending">
          <p>{t('pending')}</p>
          <DiffList t={t} diff={model.pending.value} labelOf={labelOf} />
        </div>
      ) : null}
      {!model.loading.value && draft.length === 0 ? <p class="st-muted">{t('empty')}</p> : null}
      {bySection(draft).map((s) => (
        <div key={s.section} class="st-catalog__section" data-section={s.section}>
          <h3 class="st-h3">
            {sectionTitle(s.section, lang)}
            {sectionTitle(s.section, lang) === s.section ? null : <code class="st-catalog__code"> {s.section}</code>}
          </h3>
          <table class="st-table st-table--stack">
            <thead>
              <tr>
                <th>{t('col.code')}</th>
                <th>{t('col.label')}</th>
                <th>{t('col.type')}</th>
                <th>{t('col.source')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.fields.map(({ field, index }) => (
                <FieldRow
                  key={field.code}
                  field={field}
                  t={t}
                  lang={lang}
                  busy={busy !== null}
                  onEdit={() => model.edit(index)}
                  onRemove={() => void model.remove(index)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {open ? <FieldEditor model={model} t={t} form={open.form} isNew={open.index === null} /> : null}
      <div class="st-actions">
        {open ? null : (
          <button
            type="button"
            class="st-button st-button--light"
            name="catalog-add"
            disabled={busy !== null}
            onClick={() => model.startNew()}
          >
            {t('add')}
          </button>
        )}{' '}
        <button
          type="button"
          class="st-button"
          name="catalog-publish"
          disabled={busy !== null || open !== null}
          onClick={() => void model.publish()}
        >
          {busy === 'publishing' ? t('publishing') : t('publish')}
        </button>
      </div>
    </section>
  );
}

function FieldRow(props: {
  field: CatalogField;
  t: DocCatalogTranslate;
  lang: Lang;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { field: f, t } = props;
  return (
    <tr data-code={f.code}>
      <td data-label={t('col.code')}>
        <code>{f.code}</code>
      </td>
      <td data-label={t('col.label')}>
        {f.label[props.lang]}
        {f.required ? ' *' : ''}
      </td>
      <td data-label={t('col.type')}>
        {t(typeKey(f.type))}
        {f.item ? ` (${t('rowFields', { count: f.item.length })})` : ''}
      </td>
      <td data-label={t('col.source')}>{f.source ? `${t(sourceKey(f.source.kind))}: ${sourceFieldText(f.source, t)}` : '—'}</td>
      <td>
        <button type="button" class="st-link" name="catalog-edit" disabled={props.busy} onClick={props.onEdit}>
          {t('edit')}
        </button>{' '}
        <button type="button" class="st-link" name="catalog-remove" disabled={props.busy} onClick={props.onRemove}>
          {t('remove')}
        </button>
      </td>
    </tr>
  );
}

function FieldEditor({ model, t, form, isNew }: { model: DocCatalogModel; t: DocCatalogTranslate; form: FieldForm; isNew: boolean }) {
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
function DiffList(props: { t: DocCatalogTranslate; diff: CatalogDiffView; labelOf: (code: string) => string | undefined }) {
  const { t, diff } = props;
  const named = (code: string) => {
    const label = props.labelOf(code);
    return label ? `${code} (${label})` : code;
  };
  const relabelled = diff.changed.filter((c) => c.what.includes('label')).map((c) => c.code);
  const other = diff.changed.filter((c) => !c.what.includes('label')).map((c) => c.code);
  const list = (key: 'added' | 'removed' | 'relabelled' | 'otherChanges', codes: string[]) =>
    codes.length > 0 ? (
      <li data-change={key}>
        {t(key)}: {codes.map(named).join(', ')}
      </li>
    ) : null;
  return (
    <ul>
      {list('added', diff.added)}
      {list('removed', diff.removed)}
      {list('relabelled', relabelled)}
      {list('otherChanges', other)}
    </ul>
  );
}
