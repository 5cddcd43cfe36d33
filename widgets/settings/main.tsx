// Entry of the settings screen (the app's own page, DEFAULT placement; also /admin/products outside
// the portal). The list renders at once from our API; the frame bridge, when there is a parent,
// brings the portal's language, resizes the frame and renews an expired session. Framed or not is
// a production distinction (portal vs. signed-in browser), not a test switch.
import { render } from 'preact';
import { fitFrame } from '../shared/fit-frame.js';
import { createProductsApi } from './api.js';
import type { PortalAuth } from '../shared/fresh-auth.js';
import { readBoot } from './boot.js';
import { connectB24Frame, isFramed, type FrameBridge } from './bridge.js';
import { App } from './components/app.js';
import { toLang, translator } from './i18n.js';
import { decimalFormatter } from './format.js';
import { createImportApi } from './import-api.js';
import { importTranslator } from './import-i18n.js';
import { createImportModel, type ImportModel } from './import-model.js';
import { createSettingsModel } from './model.js';
import { numberLocaleOf } from '../../lending/locale-number.js';
import { createPlanLimits, type PlanLimitsModel } from './plan-limits.js';
import './styles.css';

function newProductId(): string {
  return `product-${crypto.randomUUID().slice(0, 8)}`;
}

function mount(
  root: HTMLElement,
  lang: string | null,
  model: ReturnType<typeof createSettingsModel>,
  imports: ImportModel,
  plan: PlanLimitsModel,
): void {
  const l = toLang(lang);
  document.documentElement.lang = l;
  model.setLocale(numberLocaleOf(lang));
  render(
    <App
      model={model}
      t={translator(l)}
      fmt={decimalFormatter(l)}
      imports={{ model: imports, t: importTranslator(l), lang: l }}
      plan={{ model: plan, lang: l }}
    />,
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
  const imports = createImportModel(createImportApi(session));
  const plan = createPlanLimits(session);
  const model = createSettingsModel({
    api,
    newId: newProductId,
    // No bearer token: the page is /admin/products with a cookie session and no frame to renew it
    // through. Reopening this page in another tab shows the sign-in form when signed out.
    ...(boot.sessionToken ? {} : { signInUrl: window.location.href }),
  });
  mount(root, boot.lang ?? navigator.language, model, imports, plan);
  const loaded = Promise.all([model.load(), plan.load()]);
  const connected = await bridge;
  if (connected) {
    if (connected.lang && toLang(connected.lang) !== toLang(boot.lang)) mount(root, connected.lang, model, imports, plan);
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
  start(root).catch((e: unknown) => {
    root.textContent = e instanceof Error ? e.message : String(e);
    root.setAttribute('data-error', 'yes');
  });
}
