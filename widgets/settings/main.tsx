// Entry of the settings screen (the app's own page, DEFAULT placement; also /admin/products outside
// the portal). The list renders at once from our API; the frame bridge, when there is a parent,
// brings the portal's language, resizes the frame and renews an expired session. Framed or not is
// a production distinction (portal vs. signed-in browser), not a test switch.
import { render } from 'preact';
import { ErrorBoundary, showCrash } from '../shared/error-boundary.js';
import { fitFrame } from '../shared/fit-frame.js';
import { createProductsApi } from './api.js';
import type { PortalAuth } from '../shared/fresh-auth.js';
import { readBoot } from './boot.js';
import { connectB24Frame, isFramed, type FrameBridge } from './bridge.js';
import { App } from './components/app.js';
import { toLang, translator } from './i18n.js';
import { dateFormatters, decimalFormatter, formatLocale } from './format.js';
import { createImportApi } from './import-api.js';
import { importTranslator } from './import-i18n.js';
import { createImportModel, type ImportModel } from './import-model.js';
import { createLenderApi } from './lender-api.js';
import { lenderTranslator } from './lender-i18n.js';
import { createLenderModel, type LenderModel } from './lender-model.js';
import { createMailApi } from './mail-api.js';
import { mailTranslator } from './mail-i18n.js';
import { createMailModel, type MailModel } from './mail-model.js';
import { createChecksApi } from './checks-api.js';
import { checksTranslator } from './checks-i18n.js';
import { createChecksModel, type ChecksModel } from './checks-model.js';
import { createSettingsModel } from './model.js';
import { createStagesApi } from './stages-api.js';
import { createRepliesApi } from './replies-api.js';
import { repliesTranslator } from './replies-i18n.js';
import { createRepliesModel, type RepliesModel } from './replies-model.js';
import { stagesTranslator } from './stages-i18n.js';
import { createStagesModel, type StagesModel } from './stages-model.js';
import { createPresetModel, type PresetModel } from './preset-model.js';
import { presetTranslator } from './preset-i18n.js';
import { numberLocaleOf } from '../../lending/locale-number.js';
import { createPlanLimits, type PlanLimitsModel } from './plan-limits.js';
import { createProvidersApi } from './providers-api.js';
import { providersTranslator } from './providers-i18n.js';
import { createProvidersModel, type ProvidersModel } from './providers-model.js';
import { createDocCatalogApi } from './doc-catalog-api.js';
import { docCatalogTranslator } from './doc-catalog-i18n.js';
import { createDocCatalogModel, type DocCatalogModel } from './doc-catalog-model.js';
import { createDocTemplatesApi } from './doc-templates-api.js';
import { docTemplatesTranslator } from './doc-templates-i18n.js';
import { createDocTemplatesModel, type DocTemplatesModel } from './doc-templates-model.js';
import { createRemindersApi } from './reminders-api.js';
import { remindersTranslator } from './reminders-i18n.js';
import { createRemindersModel, type RemindersModel } from './reminders-model.js';
import { createDocBanksApi } from './doc-banks-api.js';
import { docBanksTranslator } from './doc-banks-i18n.js';
import { createDocBanksModel, type DocBanksModel } from './doc-banks-model.js';
import './styles.css';

function newProductId(): string {
  return `product-${crypto.randomUUID().slice(0, 8)}`;
}

interface Models {
  model: ReturnType<typeof createSettingsModel>;
  imports: ImportModel;
  plan: PlanLimitsModel;
  /** Made per language: whole numbers in its inputs are read the way that language writes them. */
  providers: (locale: string) => ProvidersModel;
  lender: LenderModel;
  checks: ChecksModel;
  stages: StagesModel;
  mail: MailModel;
  preset: PresetModel;
  replies: RepliesModel;
  docCatalog: DocCatalogModel;
  docTemplates: DocTemplatesModel;
  reminders: RemindersModel;
  docBanks: DocBanksModel;
}

function mount(root: HTMLElement, lang: string | null, m: Models): void {
  const l = toLang(lang);
  const locale = formatLocale(l);
  document.documentElement.lang = l;
  m.model.setLocale(numberLocaleOf(lang));
  m.imports.useLanguage(l);
  render(
    <ErrorBoundary lang={l}>
      <App
        model={m.model}
        t={translator(l)}
        fmt={decimalFormatter(l)}
        imports={{ model: m.imports, t: importTranslator(l), lang: l, dates: dateFormatters(locale) }}
        plan={{ model: m.plan, lang: l }}
        providers={{ model: m.providers(locale), t: providersTranslator(l), locale }}
        lender={{ model: m.lender, t: lenderTranslator(l) }}
        checks={{ model: m.checks, t: checksTranslator(l), lang: l }}
        stages={{ model: m.stages, t: stagesTranslator(l), preset: { model: m.preset, t: presetTranslator(l) } }}
        mail={{ model: m.mail, t: mailTranslator(l) }}
        replies={{ model: m.replies, t: repliesTranslator(l), lang: l, instant: dateFormatters(locale).instant }}
        docCatalog={{ model: m.docCatalog, t: docCatalogTranslator(l), lang: l, instant: dateFormatters(locale).instant }}
        docTemplates={{ model: m.docTemplates, t: docTemplatesTranslator(l), instant: dateFormatters(locale).instant }}
        reminders={{ model: m.reminders, t: remindersTranslator(l), lang: l }}
        docBanks={{ model: m.docBanks, t: docBanksTranslator(l), lang: l, locale: numberLocaleOf(lang) }}
      />
    </ErrorBoundary>,
    root,
  );
}

async function start(root: HTMLElement): Promise<void> {
  const boot = readBoot(document);
  // Started at once but not awaited: the list loads while the SDK handshakes with the portal.
  const bridge = isFramed(window) ? connectB24Frame().catch(() => null) : Promise.resolve(null);
  const session = {
    baseUrl: boot.apiBase,
    sessionToken: boot.sessionToken,
    csrfToken: boot.csrfToken,
    // In the portal the bearer session renews itself through the frame when it expires.
    ...(boot.sessionToken ? { portalAuth: () => frameAuth(bridge) } : {}),
  };
  const api = createProductsApi(session);
  const imports = createImportModel(createImportApi(session), toLang(boot.lang ?? navigator.language));
  const plan = createPlanLimits(session);
  const model = createSettingsModel({
    api,
    newId: newProductId,
    // No bearer token: the page is /admin/products with a cookie session and no frame to renew it
    // through. Reopening this page in another tab shows the sign-in form when signed out.
    ...(boot.sessionToken ? {} : { signInUrl: window.location.href }),
  });
  const providersApi = createProvidersApi(session);
  const providerModels = new Map<string, ProvidersModel>();
  const providers = (locale: string) => {
    let m = providerModels.get(locale);
    if (!m) {
      m = createProvidersModel(providersApi, locale);
      providerModels.set(locale, m);
      // Administrators only (known once the products load): anyone else never sees the section.
      if (model.canEdit.value) void m.load();
    }
    return m;
  };
  const lender = createLenderModel(createLenderApi(session));
  const checks = createChecksModel(createChecksApi(session));
  // The map saves the language its timeline messages are written in: the page's, as last shown.
  let pageLang = toLang(boot.lang ?? navigator.language);
  const stagesApi = createStagesApi(session);
  const stages = createStagesModel(stagesApi, () => pageLang);
  const preset = createPresetModel({ api: stagesApi, stages });
  const mail = createMailModel(createMailApi(session));
  const replies = createRepliesModel(createRepliesApi(session));
  // The catalog's refusals (CATALOG_INVALID names the field and the problem) come in the page's language.
  const docCatalog = createDocCatalogModel(createDocCatalogApi({ ...session, lang: pageLang }), () => numberLocaleOf(pageLang));
  // The linter's problems come worded in the page's language; a new template defaults to it too.
  const docTemplates = createDocTemplatesModel(createDocTemplatesApi({ ...session, lang: pageLang }), () => toLang(pageLang));
  // Moved days are shown the way the page's language writes dates: the page's, as last shown.
  const reminders = createRemindersModel(createRemindersApi(session), () => pageLang);
  // A bank's refusals come in the page's language; its band is typed the way that language writes numbers.
  const docBanks = createDocBanksModel(createDocBanksApi({ ...session, lang: pageLang }), () => numberLocaleOf(pageLang));
  const models = {
    model,
    imports,
    plan,
    providers,
    lender,
    checks,
    stages,
    mail,
    preset,
    replies,
    docCatalog,
    docTemplates,
    reminders,
    docBanks,
  };
  mount(root, boot.lang ?? navigator.language, models);
  const loaded = Promise.all([
    model.load().then(() => {
      // Anyone in the portal reads the banks; an administrator also gets the catalog to choose fields from.
      void docBanks.load(model.canEdit.value === true);
      if (!model.canEdit.value) return;
      for (const m of providerModels.values()) void m.load();
      void lender.load();
      void checks.load();
      void stages.load();
      void mail.load();
      void preset.load();
      void replies.load();
      void docCatalog.load();
      void docTemplates.load();
      void reminders.load();
    }),
    plan.load(),
  ]);
  void imports.loadHistory();
  const connected = await bridge;
  if (connected) {
    if (connected.lang && toLang(connected.lang) !== toLang(boot.lang)) {
      pageLang = toLang(connected.lang);
      mount(root, connected.lang, models);
    }
    fitFrame(
      root,
      () => document.documentElement.scrollHeight,
      () => connected.resizeToContent(),
    );
  }
  await loaded;
}

async function frameAuth(bridge: Promise<FrameBridge | null>): Promise<PortalAuth> {
  const b = await bridge;
  if (!b) throw new Error('no Bitrix24 frame to renew the session through');
  return b.freshAuth();
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e: unknown) => showCrash(root, readBoot(document).lang ?? navigator.language, e));
}
