// Entry of the Documents tab (deal card): boot data from the placement page, the b24jssdk frame for
// the portal (the user's language, resizing, fresh auth to renew our session), our API, the model.
// Nothing here branches on "test vs production": the emulator's portal page speaks the same protocol.
import { render } from 'preact';
import { initializeB24Frame } from '@bitrix24/b24jssdk';
import { numberLocaleOf } from '../../lending/locale-number.js';
import { ErrorBoundary, showCrash } from '../shared/error-boundary.js';
import { fitFrame } from '../shared/fit-frame.js';
import { freshAuthOf } from '../shared/fresh-auth.js';
import { createDocumentsApi } from './api.js';
import { readBoot } from './boot.js';
import { App } from './components/app.js';
import { createDocumentsModel } from './model.js';
import { createBankSendModel } from './bank-send-model.js';
import { langOf, textsFor, type WidgetLang } from './texts.js';
import './styles.css';

/** A deal without a currency: the one its users most likely mean. */
const DEFAULT_CURRENCY: Record<WidgetLang, string> = { en: 'USD', es: 'MXN', ru: 'RUB' };

async function start(root: HTMLElement): Promise<void> {
  const boot = readBoot(document);
  const b24 = await initializeB24Frame();
  // The user's Bitrix24 language: the frame's, else LANG of the placement POST (the boot's).
  const lang = langOf((b24.getLang() as string | null) ?? boot.lang);
  document.documentElement.lang = lang;
  fitFrame(
    root,
    () => root.scrollHeight,
    () => b24.parent.resizeWindowAuto(root),
  );
  if (!boot.sessionToken || !boot.dealId) return render(<p class="dt-app dt-muted">{textsFor(lang).none}</p>, root);
  const api = createDocumentsApi({
    baseUrl: boot.apiBase,
    sessionToken: boot.sessionToken,
    dealId: boot.dealId,
    lang,
    portalAuth: () => freshAuthOf(b24),
  });
  const model = createDocumentsModel({
    api,
    locale: numberLocaleOf(lang),
    currency: boot.currencyId ?? DEFAULT_CURRENCY[lang],
  });
  const send = createBankSendModel({ api, managerName: boot.userName ?? '', newRequestId: () => crypto.randomUUID() });
  render(
    <ErrorBoundary lang={lang}>
      <App model={model} send={send} lang={lang} />
    </ErrorBoundary>,
    root,
  );
  await model.load();
  await send.load();
}

const root = document.getElementById('app');
if (root) start(root).catch((e: unknown) => showCrash(root, readBoot(document).lang, e));
