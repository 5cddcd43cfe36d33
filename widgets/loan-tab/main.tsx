// Entry of the loan tab: connect to the portal through the frame bridge, read the deal, build the
// model and render. Nothing here branches on "test vs production": the emulator's portal page speaks
// the same frame protocol as Bitrix24.
import { render } from 'preact';
import { fitFrame } from '../shared/fit-frame.js';
import { createApi } from './api.js';
import { readBoot } from './boot.js';
import { SUPPORTED_CURRENCIES } from '../../lending/currency.js';
import { connectB24Frame } from './bridge.js';
import { Calculator } from './calculator/calculator.js';
import { currencyOptions } from './calculator/currency-options.js';
import { listDealPipelines, listPortalCurrencies, pipelineOfDeal } from './calculator/portal-crm.js';
import { App } from './components/app.js';
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
  // crm.currency.base.get (api-reference/crm/currency/crm-currency-base-get.md): a new client's
  // calculation starts in the portal's base currency — a Mexican lender's calculator must not start
  // in roubles. RUB only if the portal cannot say.
  const base = deal?.CURRENCY_ID || (await bridge.call<string>('crm.currency.base.get', {}).catch(() => null)) || 'RUB';
  // The session renews itself with the user's fresh portal auth when it expires (api.ts).
  const api = boot.sessionToken
    ? createApi({ baseUrl: boot.apiBase, sessionToken: boot.sessionToken, portalAuth: () => bridge.freshAuth() })
    : null;
  const makeModel = (currency: string): LoanModel =>
    createLoanModel({
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
  const t = await loadTranslator(lang);
  document.documentElement.lang = lang;
  if (dealId) {
    const model = makeModel(base);
    // crm.deal.get (api-reference/crm/deals/crm-deal-get.md): OPPORTUNITY is a dot-decimal string.
    if (deal?.OPPORTUNITY && Number(deal.OPPORTUNITY) > 0) model.setField('amount', typedFromDecimal(deal.OPPORTUNITY, model.locale));
    if (api) {
      const saved = await api.loadLoan(dealId).catch(() => null);
      if (saved) model.load(saved);
    }
    render(<App model={model} t={t} fmt={formatters(lang, base)} onOpenDeal={(id) => bridge.openDeal(id)} />, root);
  } else {
    const [portalCurrencies, pipelines, pipelineId] = await Promise.all([
      listPortalCurrencies(bridge),
      listDealPipelines(bridge),
      pipelineOfDeal(bridge, bridge.placementOptions.ID),
    ]);
    const currencies = currencyOptions(base, portalCurrencies, boot.products, SUPPORTED_CURRENCIES);
    render(
      <Calculator
        lang={lang}
        t={t}
        bridge={bridge}
        api={api}
        currencies={currencies}
        pipelines={pipelines}
        pipelineId={pipelineId}
        makeModel={makeModel}
      />,
      root,
    );
  }
  fitFrame(
    root,
    () => root.scrollHeight,
    () => bridge.resizeToContent(root),
  );
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e: unknown) => {
    root.textContent = e instanceof Error ? e.message : String(e);
    root.setAttribute('data-error', 'yes');
  });
}
