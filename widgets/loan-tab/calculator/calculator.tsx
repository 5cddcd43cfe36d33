// The calculator from the deal list (placements/calculator.ts): the loan tab's App for a new client,
// with what only a new client needs around it — the currency (base first, then what the portal and
// the products allow), the lender's pipeline and the client (found or created). A currency change
// builds a new model (the model's currency is fixed, as a deal's is) and keeps what the user typed.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.js';
import type { FrameBridge } from '../bridge.js';
import { App } from '../components/app.js';
import { Field } from '../components/field.js';
import { formatters } from '../format.js';
import type { Lang, Translate } from '../i18n.js';
import type { LoanModel } from '../model.js';
import { ClientPicker } from './client-picker.js';
import { createDealWithLoan, type ClientChoice } from './create-deal.js';
import { dealTitle } from './deal-title.js';
import { calcDict } from './i18n.js';
import './calculator.css';
import type { Pipeline } from './portal-crm.js';

export interface CalculatorProps {
  lang: Lang;
  t: Translate;
  bridge: FrameBridge;
  api: Api | null;
  currencies: string[];
  pipelines: Pipeline[];
  /** The pipeline the calculator was opened from; null: the portal's default. */
  pipelineId: number | null;
  makeModel: (currency: string) => LoanModel;
}

/** The new model starts from what the user typed in the old one; a product of another currency is dropped. */
function carryForm(from: LoanModel, to: LoanModel): void {
  const f = from.form.value;
  to.form.value = { ...f, product: to.products.some((p) => p.code === f.product) ? f.product : '' };
}

export function Calculator({ lang, t, bridge, api, currencies, pipelines, pipelineId, makeModel }: CalculatorProps) {
  const d = calcDict(lang);
  const [currency, setCurrency] = useState(currencies[0] ?? 'USD');
  const [pipeline, setPipeline] = useState<number | null>(pipelineId);
  const [client, setClient] = useState<ClientChoice | null>(null);
  const last = useRef<LoanModel | null>(null);
  const model = useMemo(() => {
    const m = makeModel(currency);
    if (last.current) carryForm(last.current, m);
    last.current = m;
    return m;
  }, [currency]);
  const fmt = useMemo(() => formatters(lang, currency), [lang, currency]);
  const onCreateDeal = () => {
    // The button waits for a client (createBlocked); this guard only keeps the types honest.
    if (!client) return Promise.reject(new Error(d.contactRequired));
    return createDealWithLoan(bridge, api, {
      model,
      client,
      pipelineId: pipeline,
      title: (amount, name) => dealTitle(d.dealTitle, fmt, amount, name),
    });
  };
  return (
    <App
      key={currency}
      model={model}
      t={t}
      fmt={fmt}
      onCreateDeal={onCreateDeal}
      createBlocked={client ? null : d.contactRequired}
      onOpenDeal={(id) => bridge.openDeal(id)}
    >
      <div class="lt-form lt-calc" data-testid="calculator-setup">
        <Field label={d.currency}>
          <select class="lt-input" name="currency" value={currency} onChange={(e) => setCurrency(e.currentTarget.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        {pipelines.length > 1 ? (
          <Field label={d.pipeline}>
            <select
              class="lt-input"
              name="pipeline"
              value={pipeline === null ? '' : String(pipeline)}
              onChange={(e) => setPipeline(Number(e.currentTarget.value))}
            >
              {pipelines.map((p) => (
                <option key={p.id} value={String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <ClientPicker d={d} bridge={bridge} value={client} onChange={setClient} />
      </div>
    </App>
  );
}
