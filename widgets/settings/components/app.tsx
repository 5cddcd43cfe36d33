import type { FormatDate, FormatDecimal } from '../format.js';
import type { Lang, Translate } from '../i18n.js';
import type { ImportTranslate } from '../import-i18n.js';
import type { ImportModel } from '../import-model.js';
import type { LenderTranslate } from '../lender-i18n.js';
import type { LenderModel } from '../lender-model.js';
import type { SettingsModel } from '../model.js';
import type { PlanLimitsModel } from '../plan-limits.js';
import { LenderProfile } from './lender-profile.js';
import { MailSettings } from './mail-settings.js';
import type { MailModel } from '../mail-model.js';
import type { MailTranslate } from '../mail-i18n.js';
import { ApplicantChecks } from './applicant-checks.js';
import type { ChecksModel } from '../checks-model.js';
import type { ChecksTranslate } from '../checks-i18n.js';
import { PaymentImport } from './payment-import.js';
import { PlanNotice } from './plan-notice.js';
import { ProductForm } from './product-form.js';
import { ProductList } from './product-list.js';
import { ProviderSettings } from './provider-settings.js';
import { StageMaps } from './stage-maps.js';
import { ReviewQueue } from './review-queue.js';
import { DocCatalog } from './doc-catalog.js';
import type { DocCatalogModel } from '../doc-catalog-model.js';
import type { DocCatalogTranslate } from '../doc-catalog-i18n.js';
import { DocTemplates } from './doc-templates.js';
import { DocBanks } from './doc-banks.js';
import type { DocBanksModel } from '../doc-banks-model.js';
import type { DocBanksTranslate } from '../doc-banks-i18n.js';
import type { NumberLocale } from '../../../lending/locale-number.js';
import type { DocTemplatesModel } from '../doc-templates-model.js';
import type { DocTemplatesTranslate } from '../doc-templates-i18n.js';
import type { RepliesModel } from '../replies-model.js';
import type { RepliesTranslate } from '../replies-i18n.js';
import type { StagesModel } from '../stages-model.js';
import type { StagesTranslate } from '../stages-i18n.js';
import type { PresetModel } from '../preset-model.js';
import type { PresetTranslate } from '../preset-i18n.js';
import type { ProvidersModel } from '../providers-model.js';
import type { ProvidersTranslate } from '../providers-i18n.js';
import { ReminderSettings } from './reminder-settings.js';
import type { RemindersModel } from '../reminders-model.js';
import type { RemindersTranslate } from '../reminders-i18n.js';

interface AppProps {
  model: SettingsModel;
  t: Translate;
  fmt: FormatDecimal;
  /** The payment-file import, shown to administrators (the server checks again). */
  imports?: { model: ImportModel; t: ImportTranslate; lang: Lang; dates: { day: FormatDate; instant: FormatDate } } | undefined;
  /** What the portal's plan does not allow the app (plan-limits.ts). */
  plan?: { model: PlanLimitsModel; lang: Lang } | undefined;
  /** SMS gateway and payout provider, shown to administrators (the server checks again). */
  providers?: { model: ProvidersModel; t: ProvidersTranslate; locale: string } | undefined;
  /** The lender's company name, shown to administrators (the server checks again). */
  lender?: { model: LenderModel; t: LenderTranslate } | undefined;
  /** The applicant check robot's blacklist and bureau, shown to administrators (the server checks again). */
  checks?: { model: ChecksModel; t: ChecksTranslate; lang: Lang } | undefined;
  /** Deal stages ↔ loan events per pipeline, shown to administrators (the server checks again). */
  stages?: { model: StagesModel; t: StagesTranslate; preset?: { model: PresetModel; t: PresetTranslate } } | undefined;
  /** The SMTP account, the IMAP mailbox of bank replies and the reply scheme, shown to administrators (the server checks again). */
  mail?: { model: MailModel; t: MailTranslate } | undefined;
  /** Bank replies waiting for a person (issue 16), shown to administrators (the server checks again). */
  replies?: { model: RepliesModel; t: RepliesTranslate; lang: Lang; instant: FormatDate } | undefined;
  /** The documents' field catalog (issue 15), shown to administrators (the server checks again). */
  docCatalog?: { model: DocCatalogModel; t: DocCatalogTranslate; lang: Lang; instant: FormatDate } | undefined;
  /** Document templates per bank with versions (issue 15), shown to administrators (the server checks again). */
  docTemplates?: { model: DocTemplatesModel; t: DocTemplatesTranslate; instant: FormatDate } | undefined;
  /** Reminder settings and per-product rules (issue 14), shown to administrators (the server checks again). */
  reminders?: { model: RemindersModel; t: RemindersTranslate; lang: Lang } | undefined;
  /** The banks directory (issue 15 item 2): administrators edit it, anyone else reads the list (the server checks again). */
  docBanks?: { model: DocBanksModel; t: DocBanksTranslate; lang: Lang; locale: NumberLocale } | undefined;
}

export function App({
  model,
  t,
  fmt,
  imports,
  plan,
  providers,
  lender,
  checks,
  stages,
  mail,
  replies,
  docCatalog,
  docTemplates,
  reminders,
  docBanks,
}: AppProps) {
  const canEdit = model.canEdit.value === true;
  const problem = model.problem.value;
  const ready = !model.loading.value;
  return (
    <main class="st-app" data-ready={ready ? 'yes' : 'no'} data-can-edit={canEdit ? 'yes' : 'no'}>
      <header class="st-header">
        <h2 class="st-h2">{t('title')}</h2>
        {canEdit && !model.draft.value ? (
          <button type="button" class="st-button" onClick={() => model.startNew()}>
            {t('add')}
          </button>
        ) : null}
      </header>
      <p class="st-muted">{t('intro')}</p>
      {plan ? <PlanNotice limits={plan.model.limits.value} lang={plan.lang} /> : null}
      {model.canEdit.value === false ? (
        <p class="st-note" role="status" data-testid="read-only">
          {t('readOnly')}
        </p>
      ) : null}
      {problem ? (
        <p class="st-error st-problem" role="alert" title={problem.detail}>
          {t(problem.key)}
          {problem.key === 'err.SIGNED_OUT' && model.signInUrl ? (
            <>
              {' '}
              <a href={model.signInUrl} target="_blank" rel="noopener" data-testid="sign-in-again">
                {t('signInAgain')}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {model.savedId.value ? (
        <p class="st-ok" role="status">
          {t('saved')}
        </p>
      ) : null}
      <ProductForm model={model} t={t} />
      {ready ? (
        <ProductList
          products={model.products.value}
          t={t}
          fmt={fmt}
          canEdit={canEdit}
          savedId={model.savedId.value}
          onEdit={(id) => model.edit(id)}
        />
      ) : (
        <p class="st-muted">{t('loading')}</p>
      )}
      {canEdit && imports ? (
        <PaymentImport model={imports.model} t={imports.t} fmt={fmt} dates={imports.dates} lang={imports.lang} />
      ) : null}
      {canEdit && lender ? <LenderProfile model={lender.model} t={lender.t} /> : null}
      {canEdit && providers ? <ProviderSettings model={providers.model} t={providers.t} locale={providers.locale} /> : null}
      {canEdit && checks ? <ApplicantChecks model={checks.model} t={checks.t} lang={checks.lang} /> : null}
      {canEdit && stages ? <StageMaps model={stages.model} t={stages.t} preset={stages.preset} /> : null}
      {canEdit && reminders ? (
        <ReminderSettings
          model={reminders.model}
          t={reminders.t}
          lang={reminders.lang}
          names={new Map(model.products.value.map((p) => [p.id, p.name]))}
        />
      ) : null}
      {canEdit && mail ? <MailSettings model={mail.model} t={mail.t} /> : null}
      {canEdit && replies ? (
        <ReviewQueue model={replies.model} t={replies.t} lang={replies.lang} fmt={fmt} instant={replies.instant} />
      ) : null}
      {canEdit && docCatalog ? (
        <DocCatalog model={docCatalog.model} t={docCatalog.t} lang={docCatalog.lang} instant={docCatalog.instant} />
      ) : null}
      {ready && docBanks ? (
        <DocBanks model={docBanks.model} t={docBanks.t} lang={docBanks.lang} locale={docBanks.locale} canEdit={canEdit} />
      ) : null}
      {canEdit && docTemplates ? <DocTemplates model={docTemplates.model} t={docTemplates.t} instant={docTemplates.instant} /> : null}
    </main>
  );
}
