// Entry of the loan tab: connect to the portal through the frame bridge, read the deal, build the
// model and render. Nothing here branches on "test vs production": the emulator's portal page speaks
// the same frame protocol as Bitrix24.
import { render } from 'preact';
import { ErrorBoundary, showCrash } from '../shared/error-boundary.js';
import { fitFrame } from '../shared/fit-frame.js';
import { createApi } from './api.js';
import { readBoot, type Boot, type BootDeal } from './boot.js';
import { SUPPORTED_CURRENCIES } from '../../lending/currency.js';
import { connectB24Frame, type FrameBridge } from './bridge.js';
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

/**
 * The deal as the page carries it (the placement's access check read it with the user's token), or
 * else read through the frame. crm.deal.get: api-reference/crm/deals/crm-deal-get.md.
 */
async function dealOf(boot: Boot, bridge: Promise<FrameBridge>): Promise<BootDeal | null> {
  if (boot.deal) return boot.deal;
  if (!boot.dealId) return null;
  const d = await (await bridge).call<DealFields>('crm.deal.get', { id: boot.dealId }).catch(() => null);
  return d ? { currencyId: d.CURRENCY_ID || null, opportunity: d.OPPORTUNITY || null } : null;
}

async function start(root: HTMLElement): Promise<void> {
  const boot = readBoot(document);
  // The tab renders from what its page carries (deal, saved loan, products) while the SDK handshake
  // runs: the portal is needed only for what the user does later (resize, session renewal, open a
  // deal). Waiting for the handshake first cost a third of the time to the first painted row.
  const connecting = connectB24Frame();
  connecting.catch(() => undefined); // each later use reports its own failure
  const lang = toLang(boot.lang ?? (await connecting).lang);
  const translating = loadTranslator(lang);
  // The server decides whether this page is bound to a deal (the tab) or not (the calculator opened
  // from a list row also carries an ID, which it must not treat as its deal).
  const dealId = boot.dealId;
  const deal = await dealOf(boot, connecting);
  // crm.currency.base.get (api-reference/crm/currency/crm-currency-base-get.md): a new client's
  // calculation starts in the portal's base currency — a Mexican lender's calculator must not start
  // in roubles. RUB only if the portal cannot say.
  const base = deal?.currencyId || (await (await connecting).call<string>('crm.currency.base.get', {}).catch(() => null)) || 'RUB';
  // The session renews itself with the user's fresh portal auth when it expires (api.ts).
  const api = boot.sessionToken
    ? createApi({ baseUrl: boot.apiBase, sessionToken: boot.sessionToken, portalAuth: async () => (await connecting).freshAuth() })
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
  if (dealId) {
    // Carried by the page (placements/routes.ts initialLoan); fetched only when it is not.
    const saved = api ? (boot.loan !== undefined ? boot.loan : await api.loadLoan(dealId).catch(() => null)) : null;
    // A saved loan is computed in its contract's currency: a deal whose currency was changed in the
    // portal since does not convert the contract (its day count and scale are the loan's), and the
    // next sync writes the loan's currency back to the deal (server/loans/sync/portal-fields.ts).
    const currency = saved?.loan.currency ?? base;
    const model = makeModel(currency);
    // OPPORTUNITY is a dot-decimal string (crm.deal.get).
    if (deal?.opportunity && Number(deal.opportunity) > 0) model.setField('amount', typedFromDecimal(deal.opportunity, model.locale));
    if (saved) model.load(saved);
    const t = await translating;
    document.documentElement.lang = lang;
    render(
      <ErrorBoundary lang={lang}>
        <App model={model} t={t} fmt={formatters(lang, currency)} onOpenDeal={(id) => void connecting.then((b) => b.openDeal(id))} />
      </ErrorBoundary>,
      root,
    );
  } else {
    // The calculator works with the portal's currencies and pipelines: it needs the frame first.
    const bridge = await connecting;
    const [portalCurrencies, pipelines, pipelineId, t] = await Promise.all([
      listPortalCurrencies(bridge),
      listDealPipelines(bridge),
      pipelineOfDeal(bridge, bridge.placementOptions.ID),
      translating,
    ]);
    document.documentElement.lang = lang;
    const currencies = currencyOptions(base, portalCurrencies, boot.products, SUPPORTED_CURRENCIES);
    render(
      <ErrorBoundary lang={lang}>
        <Calculator
          lang={lang}
          t={t}
          bridge={bridge}
          api={api}
          currencies={currencies}
          pipelines={pipelines}
          pipelineId={pipelineId}
          makeModel={makeModel}
        />
      </ErrorBoundary>,
      root,
    );
  }
  fitFrame(
    root,
    () => root.scrollHeight,
    async () => (await connecting).resizeToContent(root),
  );
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((e: unknown) => showCrash(root, readBoot(document).lang, e));
}
