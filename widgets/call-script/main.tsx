// Entry of the call-script widget (deal card tab): boot data from the placement page, the b24jssdk frame
// for the portal (imPhoneTo starts the user's Bitrix24 telephony call, refreshAuth renews our session),
// our API for the script.
import { render } from 'preact';
import { initializeB24Frame } from '@bitrix24/b24jssdk';
import { ErrorBoundary, showCrash } from '../shared/error-boundary.js';
import { fitFrame } from '../shared/fit-frame.js';
import { freshAuthOf } from '../shared/fresh-auth.js';
import { createCallScriptApi } from './api.js';
import { App } from './app.js';
import { createCallScriptModel } from './model.js';
import { textsFor } from './texts.js';
import './styles.css';

function readBoot(): { sessionToken: string | null; dealId: string | null; lang: string; apiBase: string } {
  try {
    const raw = JSON.parse(document.getElementById('widget-boot')?.textContent ?? '{}') as Record<string, unknown>;
    const s = (v: unknown) => (typeof v === 'string' && v ? v : null);
    return { sessionToken: s(raw.sessionToken), dealId: s(raw.dealId), lang: s(raw.lang) ?? 'en', apiBase: s(raw.apiBase) ?? '' };
  } catch {
    return { sessionToken: null, dealId: null, lang: 'en', apiBase: '' };
  }
}

async function start(root: HTMLElement): Promise<void> {
  const boot = readBoot();
  const b24 = await initializeB24Frame();
  // The user's language: the frame's, else LANG of the placement POST (the boot's).
  const lang = (b24.getLang() as string | null) ?? boot.lang;
  document.documentElement.lang = lang;
  // As tall as the content, measured on the app's root (a body stretched by a taller frame never shrinks).
  fitFrame(
    root,
    () => root.scrollHeight,
    () => b24.parent.resizeWindowAuto(root),
  );
  if (!boot.sessionToken || !boot.dealId) return render(<p class="cs-app cs-muted">{textsFor(lang).none}</p>, root);
  const model = createCallScriptModel({
    // The session renews itself with the user's fresh portal auth when it expires mid-call.
    api: createCallScriptApi({ baseUrl: boot.apiBase, sessionToken: boot.sessionToken, portalAuth: () => freshAuthOf(b24) }),
    dealId: boot.dealId,
    lang,
    // Fire-and-forget in the portal: it never replies (b24jssdk.md, imPhoneTo).
    phoneTo: async (phone) => void b24.parent.imPhoneTo(phone).catch(() => undefined),
  });
  await model.load();
  model.watch();
  render(
    <ErrorBoundary lang={lang}>
      <App model={model} lang={lang} />
    </ErrorBoundary>,
    root,
  );
}

const root = document.getElementById('app');
if (root) start(root).catch((e: unknown) => showCrash(root, readBoot().lang, e));
