import { KINDS, LANGS, kindKey, langKey, templatesProblemKey, type DocTemplatesTranslate } from '../doc-templates-i18n.js';
import { byBank, type DocTemplatesModel, type UploadOutcome } from '../doc-templates-model.js';
import type { FormatDate } from '../format.js';
import { Field } from './field.js';
import { dealsLabel, TemplateDeals } from './doc-template-currencies.js';
import { TemplateCard } from './doc-template-card.js';

interface Props {
  model: DocTemplatesModel;
  t: DocTemplatesTranslate;
  instant: FormatDate;
}

/** Templates per bank and internal, with their versions; one upload form whose linter answer shows under it. */
export function DocTemplates({ model, t, instant }: Props) {
  const problem = model.problem.value;
  const f = model.form.value;
  const missing = model.missing.value;
  const busy = model.busy.value;
  const done = model.done.value;
  const savedDeals = model.currencies.saved.value;
  const archived = model.templates.value.filter((x) => x.archived);
  const bankName = (id: string | null) => model.banks.value.find((b) => b.id === id)?.name ?? t('internal');
  return (
    <section class="st-card st-templates" data-testid="doc-templates" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <p class="st-muted">{t('intro')}</p>
      {problem ? (
        <p class="st-error st-problem" role="alert" title={problem.detail}>
          {t(templatesProblemKey(problem.key), { detail: problem.detail })}
        </p>
      ) : null}
      {done ? (
        <p class="st-ok" role="status" data-testid="template-archive-done">
          {t(done.kind === 'archived' ? 'archivedDone' : 'restoredDone', { name: done.name })}
        </p>
      ) : null}
      {savedDeals ? (
        <p class="st-ok" role="status" data-testid="template-deals-done">
          {t('currenciesDone', { name: savedDeals.name, list: dealsLabel(savedDeals.list, t) })}
        </p>
      ) : null}
      {byBank(
        model.banks.value,
        model.templates.value.filter((x) => !x.archived),
      ).map((g) => (
        <div key={g.bank?.id ?? ''} class="st-templates__bank" data-bank={g.bank?.id ?? 'internal'}>
          <h3 class="st-h3">{g.bank?.name ?? t('internal')}</h3>
          {g.templates.length === 0 ? <p class="st-muted">{t('noTemplates')}</p> : null}
          {g.templates.map((tpl) => (
            <TemplateCard key={tpl.id} template={tpl} t={t} instant={instant}>
              <TemplateDeals model={model.currencies} template={tpl} t={t} busy={busy} />
              {model.confirming.value === tpl.id ? (
                <div class="st-confirm" role="alertdialog" aria-label={t('archive')} data-testid="archive-confirm">
                  <p>{t('archiveConfirm', { name: tpl.name })}</p>
                  <div class="st-actions">
                    <button
                      type="button"
                      class="st-button"
                      name="template-archive-yes"
                      disabled={busy}
                      onClick={() => void model.confirmArchive()}
                    >
                      {t('archiveYes')}
                    </button>
                    <button
                      type="button"
                      class="st-button st-button--light"
                      name="template-archive-cancel"
                      onClick={() => model.cancelArchive()}
                    >
                      {t('cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" class="st-link" name="template-archive" onClick={() => model.askArchive(tpl.id)}>
                  {t('archive')}
                </button>
              )}
            </TemplateCard>
          ))}
        </div>
      ))}
      {archived.length > 0 ? (
        <div class="st-templates__bank" data-testid="templates-archived">
          <h3 class="st-h3">{t('archivedTitle')}</h3>
          <p class="st-muted">{t('archivedNote')}</p>
          {archived.map((tpl) => (
            <TemplateCard key={tpl.id} template={tpl} t={t} instant={instant} bankName={bankName(tpl.bankId)}>
              <button type="button" class="st-link" name="template-restore" disabled={busy} onClick={() => void model.restore(tpl.id)}>
                {t('restore')}
              </button>
            </TemplateCard>
          ))}
        </div>
      ) : null}
      <form
        class="st-card"
        data-testid="template-upload"
        aria-busy={busy ? 'true' : 'false'}
        onSubmit={(e) => {
          e.preventDefault();
          void model.upload();
        }}
      >
        <h3 class="st-h3">{t('upload')}</h3>
        <div class="st-grid">
          <Field label={t('bank')} wide>
            <select class="st-input" name="template-bank" value={f.bankId} onChange={(e) => model.set('bankId', e.currentTarget.value)}>
              {model.banks.value.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
              <option value="">{t('internal')}</option>
            </select>
          </Field>
          <Field label={t('name')} error={missing.includes('name') ? t('err.required') : undefined} hint={t('nameHint')} wide>
            <input
              class="st-input"
              name="template-name"
              maxLength={200}
              value={f.name}
              list="template-names"
              onInput={(e) => model.set('name', e.currentTarget.value)}
            />
            <datalist id="template-names">
              {model.templates.value
                .filter((tpl) => (tpl.bankId ?? '') === f.bankId)
                .map((tpl) => (
                  <option key={tpl.id} value={tpl.name} />
                ))}
            </datalist>
          </Field>
          <Field label={t('kind')}>
            <select
              class="st-input"
              name="template-kind"
              value={f.kind}
              onChange={(e) => model.set('kind', e.currentTarget.value as (typeof KINDS)[number])}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(kindKey(k))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('lang')}>
            <select
              class="st-input"
              name="template-lang"
              value={f.lang}
              onChange={(e) => model.set('lang', e.currentTarget.value as (typeof LANGS)[number])}
            >
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(langKey(l))}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('dealCurrencies')}
            hint={t('dealCurrenciesHint')}
            error={model.badCurrency.value === null ? undefined : t('err.currency', { entry: model.badCurrency.value })}
            wide
          >
            <input
              class="st-input"
              name="template-deal-currencies"
              maxLength={100}
              value={f.dealCurrencies}
              onInput={(e) => model.set('dealCurrencies', e.currentTarget.value)}
            />
          </Field>
          <Field label={t('file')} error={missing.includes('file') ? t('err.file') : undefined} wide>
            <input
              class="st-input"
              type="file"
              name="template-file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void file.arrayBuffer().then((b) => model.setFile(file.name, new Uint8Array(b)));
              }}
            />
          </Field>
        </div>
        <div class="st-actions">
          <button type="submit" class="st-button" name="template-upload" disabled={busy}>
            {busy ? t('uploading') : t('upload')}
          </button>
        </div>
        {model.outcome.value ? <Outcome outcome={model.outcome.value} t={t} /> : null}
      </form>
    </section>
  );
}

function Outcome({ outcome: o, t }: { outcome: UploadOutcome; t: DocTemplatesTranslate }) {
  if (o.kind === 'stored') {
    const v = o.template.versions.find((x) => x.version === o.template.currentVersion) ?? o.template.versions[0];
    const words = (xs: string[] | undefined) => (xs && xs.length > 0 ? xs.join(', ') : t('none'));
    return (
      <div class="st-ok" role="status" data-testid="template-stored">
        <p>{t(o.created ? 'stored' : 'sameAgain', { version: o.template.currentVersion, name: o.template.name })}</p>
        <p data-testid="template-placeholders">
          {t('placeholders')}:{' '}
          {v && v.placeholders.length > 0
            ? v.placeholders.map((p) => `${p.code}${p.count > 1 ? ` ×${p.count}` : ''}`).join(', ')
            : t('none')}
        </p>
        <p>
          {t('lists')}: {words(v?.lists)}. {t('conditions')}: {words(v?.conditions)}. {t('checkboxes')}: {words(v?.checkboxes)}.
        </p>
      </div>
    );
  }
  return (
    <div
      class="st-error"
      role="alert"
      data-testid="template-refused"
      data-code={o.kind === 'lint' ? 'TEMPLATE_INVALID' : o.kind === 'too-large' ? 'TEMPLATE_TOO_LARGE' : o.code}
    >
      <p>
        <strong>{t('refusedTitle')}</strong>
      </p>
      {o.kind === 'lint' && o.problems.length > 0 ? (
        <ul>
          {o.problems.map((p, i) => (
            <li key={i} data-kind={p.kind}>
              {p.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>{o.kind === 'too-large' ? t('tooLarge', { sizeMb: o.sizeMb, limitMb: o.limitMb }) : o.message}</p>
      )}
    </div>
  );
}
