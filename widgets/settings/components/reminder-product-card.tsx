// One product's reminder rules on the app page: the portal's rules, or its own rows (when, SMS
// template, employee) — each refusal beside its field, the save per product.
import type { Lang } from '../i18n.js';
import { reminderErrorKey, remindersProblemKey, type RemindersTranslate } from '../reminders-i18n.js';
import type { FieldError, RuleForm } from '../reminders-form.js';
import type { ProductRulesState, RemindersModel } from '../reminders-model.js';
import { Field } from './field.js';

/** One product's rules: the portal's, or its own rows (when, SMS template, employee). */
export function ProductCard({
  p,
  name,
  model,
  t,
  lang,
}: {
  p: ProductRulesState;
  name: string;
  model: RemindersModel;
  t: RemindersTranslate;
  lang: Lang;
}) {
  const templates = model.templates.value;
  const err = (e: FieldError | undefined) => (e ? t(reminderErrorKey(e)) : undefined);
  const row = (r: RuleForm, i: number) => {
    const e = p.errors[i] ?? {};
    return (
      <div class="st-fee st-rule" key={i} data-testid={`rule-${i}`}>
        <Field label={t('when')} error={err(e.days)}>
          <span class="st-rule__when">
            {r.when !== 'due' ? (
              <input
                class="st-input st-input--tiny"
                name={`rule-${i}-days`}
                inputMode="numeric"
                aria-label={t('days')}
                value={r.days}
                onInput={(ev) => model.setRule(p.productId, i, { days: (ev.target as HTMLInputElement).value })}
              />
            ) : null}
            <select
              class="st-input"
              name={`rule-${i}-when`}
              value={r.when}
              onChange={(ev) => model.setRule(p.productId, i, { when: (ev.target as HTMLSelectElement).value as RuleForm['when'] })}
            >
              {(['before', 'due', 'after'] as const).map((w) => (
                <option value={w} key={w}>
                  {t(`when.${w}`)}
                </option>
              ))}
            </select>
          </span>
        </Field>
        <Field label={t('sms')} error={err(e.smsTemplate)}>
          <select
            class="st-input"
            name={`rule-${i}-sms`}
            value={r.smsTemplate}
            onChange={(ev) => model.setRule(p.productId, i, { smsTemplate: (ev.target as HTMLSelectElement).value })}
          >
            <option value="">{t('sms.none')}</option>
            {templates.map((tp) => (
              <option value={tp.id} key={tp.id}>
                {/* A template written in one language only (ru translit) keeps its own title. */}
                {tp.titles[lang] ?? tp.titles.en ?? Object.values(tp.titles)[0] ?? tp.id}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('toEmployee')} error={err(e.rule)}>
          <select
            class="st-input"
            name={`rule-${i}-employee`}
            value={r.employee}
            onChange={(ev) => model.setRule(p.productId, i, { employee: (ev.target as HTMLSelectElement).value as RuleForm['employee'] })}
          >
            <option value="">{t('employee.none')}</option>
            <option value="notify">{t('employee.notify')}</option>
            <option value="todo">{t('employee.todo')}</option>
          </select>
        </Field>
        <button type="button" class="st-link st-rule__remove" onClick={() => model.removeRule(p.productId, i)}>
          {t('remove')}
        </button>
      </div>
    );
  };
  return (
    <form
      class="st-card st-provider"
      data-testid={`reminder-product-${p.productId}`}
      aria-busy={p.busy ? 'true' : 'false'}
      onSubmit={(ev) => {
        ev.preventDefault();
        void model.saveProduct(p.productId);
      }}
    >
      <h4 class="st-h3">{name}</h4>
      {(['portal', 'own'] as const).map((m) => (
        <label class="st-mail__scheme" key={m}>
          <input
            type="radio"
            name={`mode-${p.productId}`}
            value={m}
            checked={p.own === (m === 'own')}
            onChange={() => model.setOwn(p.productId, m === 'own')}
          />{' '}
          {t(`mode.${m}`)}
        </label>
      ))}
      {p.own ? (
        <div class="st-rules">
          {p.rows.length === 0 ? <p class="st-muted">{t('noRules')}</p> : p.rows.map(row)}
          <button type="button" class="st-button st-button--light" onClick={() => model.addRule(p.productId)}>
            {t('addRule')}
          </button>
        </div>
      ) : null}
      <div class="st-actions st-provider__actions">
        <button type="submit" class="st-button" disabled={p.busy}>
          {p.busy ? t('saving') : t('save')}
        </button>
        {p.saved ? (
          <span class="st-ok" role="status" data-testid="product-rules-saved">
            {t('saved')}
          </span>
        ) : null}
      </div>
      {p.problem ? (
        <p class="st-error" role="alert" title={p.problem.detail}>
          {t(remindersProblemKey(p.problem.key))}
        </p>
      ) : null}
    </form>
  );
}
