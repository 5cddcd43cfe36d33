import type { CatalogDiffView, CatalogField } from '../../../wire/document-catalog.js';
import { isLoanFigure } from '../doc-catalog-form.js';
import { bySection, isEmptyDiff } from '../doc-catalog-view.js';
import { catalogProblemKey, figureKey, sourceKey, typeKey, type DocCatalogTranslate } from '../doc-catalog-i18n.js';
import type { DocCatalogModel } from '../doc-catalog-model.js';
import type { FormatDate } from '../format.js';
import type { Lang } from '../i18n.js';
import { sectionTitle } from '../../shared/section-title.js';
import { FieldEditor } from './doc-catalog-field-editor.js';

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
