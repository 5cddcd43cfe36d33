// A template's deals by currency on its card: what it is for ("deals in RUB" / "any deal") and, for a
// live template, the edit that changes it (doc-templates-currencies.ts).
import type { TemplateView } from '../../../wire/document-templates.js';
import type { DocTemplatesTranslate } from '../doc-templates-i18n.js';
import type { TemplateCurrenciesModel } from '../doc-templates-currencies.js';
import { Field } from './field.js';

/** "deals in RUB, USD" or "any deal". */
export const dealsLabel = (list: readonly string[] | null | undefined, t: DocTemplatesTranslate): string =>
  list && list.length > 0 ? t('forDeals', { list: list.join(', ') }) : t('anyDeal');

export function TemplateDeals(props: { model: TemplateCurrenciesModel; template: TemplateView; t: DocTemplatesTranslate; busy: boolean }) {
  const { model, template: tpl, t } = props;
  const e = model.editing.value;
  if (e?.templateId !== tpl.id)
    return (
      <p class="st-templates__deals" data-testid="template-deals">
        <span>{dealsLabel(tpl.dealCurrencies, t)}</span>{' '}
        <button type="button" class="st-link" name="template-deals-edit" onClick={() => model.edit(tpl)}>
          {t('editCurrencies')}
        </button>
      </p>
    );
  return (
    <form
      class="st-templates__deals-edit"
      data-testid="template-deals-edit"
      onSubmit={(ev) => {
        ev.preventDefault();
        void model.save();
      }}
    >
      <Field
        label={t('dealCurrencies')}
        hint={t('dealCurrenciesHint')}
        error={e.bad === null ? undefined : t('err.currency', { entry: e.bad })}
        wide
      >
        <input
          class="st-input"
          name="template-deals"
          maxLength={100}
          value={e.text}
          onInput={(ev) => model.setText(ev.currentTarget.value)}
        />
      </Field>
      <div class="st-actions">
        <button type="submit" class="st-button" name="template-deals-save" disabled={props.busy}>
          {t('save')}
        </button>
        <button type="button" class="st-button st-button--light" name="template-deals-cancel" onClick={() => model.cancel()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
