// Entry of the loan tab: connect to the portal through the frame bridge, read the deal, build the
// model and render. Nothing here branches on "test vs production": the emulator's portal page speaks
// the same frame protocol as Bitrix24.
import { render } from 'preact';
import { fitFrame } from '../shared/fit-frame.js';
import { createApi, type Api } from './api.js';
import { readBoot } from './boot.js';
import { connectB24Frame, type FrameBridge } from './bridge.js';
import { App, type CreatedDeal } from './components/app.js';
import { formatters } from './format.js';
import { loadTranslator, toLang } from './i18n.js';
import { debounceDefer } from './deferred.js';
import { checkPayment, computeEffectiveRates, computeSchedule, computeServicing, scaleOf } from './lending-adapter.js';
import { createLoanModel, type LoanModel } from './model.js';
import { numberLocaleOf, typedFromDecimal } from './typed-numbers.js';
import './styles.css';

interface DealFields {
  ID?: string;
  CURRENCY_ID?: string;
  OPPORTUNITY?: string;
  TITLE?: string;
}

async function start(root: HTMLElement): Promise<void> {
  const boot = readBoot(document);
  const bridge = await connectB24Frame();
  const lang = toLang(bridge.lang ?? boot.lang);
  // The server decides whether this page is bound to a deal (the tab) or not (the calculator opened
  // from a list row also carries an ID, which it must not treat as its deal).
  const dealId = boot.dealId;
  const deal = dealId ? await bridge.call<DealFields>('crm.deal.get', { id: dealId }).catch(() => null) : null;
  // A new client's calculation (no deal) is in the portal's base currency: a Mexican lender's
  // calculator must not start in roubles. RUB only if the portal cannot say.
  const currency = deal?.CURRENCY_ID || (await bridge.call<string>('crm.currency.base.get', {}).catch(() => null)) || 'RUB';
  // The session renews itself with the user's fresh portal auth when it expires (api.ts).
  const api = boot.sessionToken
    ? createApi({ baseUrl: boot.apiBase, sessionToken: boot.sessionToken, portalAuth: () => bridge.freshAuth() })
    : null;
  const model = createLoanModel({
    core: { computeSchedule, computeEffectiveRates, computeServicing, checkPayment, scaleOf },
    api,
    dealId,
    currency,
    today: new Date().toISOString().slice(0, 10),
    products: boot.products,
    newId: () => crypto.randomUUID(),
    defer: debounceDefer(150),
    locale: numberLocaleOf(lang),
  });
  // crm.deal.get (api-reference/crm/deals/crm-deal-get.md): OPPORTUNITY is a dot-decimal string.
  if (deal?.OPPORTUNITY && Number(deal.OPPORTUNITY) > 0) model.setField('amount', typedFromDecimal(deal.OPPORTUNITY, model.locale));
  if (api && dealId) {
    const saved = await api.loadLoan(dealId).catch(() => null);
    if (saved) model.load(saved);
  }
  const t = await loadTranslator(lang);
  document.documentElement.lang = lang;
  const onCreateDeal = dealId ? undefined : () => createDealWithLoan(bridge, api, model, currency, t('title'));
  render(
    <App model={model} t={t} fmt={formatters(lang, currency)} onCreateDeal={onCreateDeal} onOpenDeal={(id) => bridge.openDeal(id)} />,
    root,
  );
  fitFrame(
    root,
    () => root.scrollHeight,
    () => bridge.resizeToContent(root),
  );
}

/**
 * Calculator: the deal is created through the frame AS THE USER (so the portal records them as its
 * creator and applies their rights), then our session is bound to it — the server checks with the
 * user's token that they created it just now — and the loan is saved on it like the tab saves.
 */
async function createDealWithLoan(
  bridge: FrameBridge,
  api: Api | null,
  model: LoanModel,
  currency: string,
  title: string,
): Promise<CreatedDeal> {
  // Taken before the first await: what the user saw when they clicked is what goes on the deal.
  const loan = model.loanInput.value;
  const productId = model.product.value?.code ?? null;
  const amount = loan.principal;
  const id = await bridge.call<number | string>('crm.deal.add', {
    fields: { TITLE: `${title} ${amount} ${currency}`, OPPORTUNITY: amount, CURRENCY_ID: currency },
  });
  const dealId = String(id);
  if (!api) return { dealId, loanError: 'no session' };
  try {
    await api.bindDeal(dealId);
    await api.saveLoan(dealId, loan, productId);
    return { dealId, loanError: null };
  } catch (e) {
    return { dealId, loanError: e instanceof Error ? e.message : String(e) };
  }
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e: unknown) => {
    root.textContent = e instanceof Error ? e.message : String(e);
    root.setAttribute('data-error', 'yes');
  });
}
