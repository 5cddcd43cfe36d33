import { useState } from 'preact/hooks';
import type { Formatters } from '../format.js';
import { errorText, type Translate } from '../i18n.js';
import type { LoanModel } from '../model.js';
import { LoanForm } from './loan-form.js';
import { PaymentsPanel } from './payments-panel.js';
import { ScheduleChart } from './schedule-chart.js';
import { ScheduleTable } from './schedule-table.js';
import { Summary } from './summary.js';

export interface AppProps {
  model: LoanModel;
  t: Translate;
  fmt: Formatters;
  /** Calculator mode (no deal yet): turns the result into a new deal. */
  onCreateDeal?: (() => Promise<string>) | undefined;
}

export function App({ model, t, fmt, onCreateDeal }: AppProps) {
  const [whatIf, setWhatIf] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const s = model.schedule.value;
  const serv = model.servicing.value;
  const r = model.effectiveRates.value;
  const rates = r === null ? null : r.ok ? r.value : {};
  const servicing = serv && serv.ok ? serv.value : null;
  const save = model.saveState.value;
  return (
    <main class="lt-app" data-ready={s.ok ? 'yes' : 'no'}>
      <header class="lt-header">
        <h2 class="lt-h2">{model.dealId ? t('title') : t('calculatorTitle')}</h2>
        <div class="lt-actions">
          {model.canSave ? (
            <button
              class="lt-button"
              type="button"
              disabled={!model.canSubmit.value || save.kind === 'saving'}
              onClick={() => void model.save()}
            >
              {save.kind === 'saving' ? t('saving') : t('save')}
            </button>
          ) : null}
          {onCreateDeal ? (
            <button class="lt-button" type="button" disabled={!s.ok} onClick={() => void onCreateDeal().then(setCreated)}>
              {t('createDeal')}
            </button>
          ) : null}
          {save.kind === 'saved' ? <span class="lt-ok">{t('saved')}</span> : null}
          {save.kind === 'failed' ? <span class="lt-error" role="alert">{`${t('saveFailed')}: ${save.message}`}</span> : null}
          {created ? <span class="lt-ok">{`${t('dealCreated')} #${created}`}</span> : null}
        </div>
      </header>
      <LoanForm model={model} t={t} />
      {s.ok ? (
        <>
          <Summary schedule={s.value} rates={rates} currency={model.currency} t={t} fmt={fmt} />
          <ScheduleChart rows={s.value.rows} t={t} />
          <section class="lt-section">
            <div class="lt-header">
              <h3 class="lt-h3">{t('schedule')}</h3>
              <div class="lt-actions">
                <label class="lt-check">
                  <input type="checkbox" name="whatIf" checked={whatIf} onChange={(e) => setWhatIf(e.currentTarget.checked)} />
                  {t('whatIf')}
                </label>
                {model.whatIfActive.value ? (
                  <button class="lt-button lt-button--light" type="button" onClick={() => model.resetWhatIf()}>
                    {t('resetWhatIf')}
                  </button>
                ) : null}
              </div>
            </div>
            {whatIf ? <p class="lt-muted">{t('whatIfHint')}</p> : null}
            <ScheduleTable
              schedule={s.value}
              states={whatIf ? null : (servicing?.installments ?? null)}
              model={model}
              editable={whatIf}
              t={t}
              fmt={fmt}
            />
          </section>
          {model.dealId ? <PaymentsPanel model={model} servicing={servicing} t={t} fmt={fmt} /> : null}
        </>
      ) : (
        <p class="lt-error" role="alert" data-testid="issues">
          {s.issues.map((i) => errorText(t, i.code)).join(' · ')}
        </p>
      )}
    </main>
  );
}
