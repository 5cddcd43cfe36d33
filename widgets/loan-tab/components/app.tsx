import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Formatters } from '../format.js';
import { errorText, type Translate } from '../i18n.js';
import type { LoanModel } from '../model.js';
import type { Schedule } from '../lending-types.js';
import { ConventionsLine } from './conventions-line.js';
import { RetermConfirm } from './reterm-confirm.js';
import { LoanForm } from './loan-form.js';
import { PaymentsPanel } from './payments-panel.js';
import { PausesPanel } from './pauses-panel.js';
import { ScheduleChart } from './schedule-chart.js';
import { ScheduleTable } from './schedule-table.js';
import { Summary } from './summary.js';
import { shownSchedule, summaryFigures } from '../summary-figures.js';
import { versionLine } from '../schedule-version.js';

/** The calculator's result: the deal always exists once this is returned; the loan may not be on it. */
export interface CreatedDeal {
  dealId: string;
  /** null: the loan is saved on the deal; otherwise why it is not. */
  loanError: string | null;
}

export interface AppProps {
  model: LoanModel;
  t: Translate;
  fmt: Formatters;
  /** Calculator mode (no deal yet): turns the result into a new deal and saves the loan on it. */
  onCreateDeal?: (() => Promise<CreatedDeal>) | undefined;
  /** Opens a deal card in the portal. */
  onOpenDeal?: ((dealId: string) => void) | undefined;
  /** Calculator: why the deal cannot be created yet (e.g. no client); the button waits until it is null. */
  createBlocked?: string | null | undefined;
  /** Shown between the header and the loan form (the calculator's currency, pipeline and client). */
  children?: ComponentChildren;
}

type Creation = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; deal: CreatedDeal } | { kind: 'failed'; message: string };

export function App({ model, t, fmt, onCreateDeal, onOpenDeal, createBlocked, children }: AppProps) {
  const [whatIf, setWhatIf] = useState(false);
  const [creation, setCreation] = useState<Creation>({ kind: 'idle' });
  const create = (run: () => Promise<CreatedDeal>): void => {
    setCreation({ kind: 'working' });
    run().then(
      (deal) => setCreation({ kind: 'done', deal }),
      (e: unknown) => setCreation({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  const s = model.schedule.value;
  // Input that does not compute (a cleared field, an out-of-range what-if) keeps the last good
  // schedule on screen, marked stale, with the way back: the page never collapses under the user.
  const lastGood = useRef<Schedule | null>(null);
  if (s.ok) lastGood.current = s.value;
  const shown = s.ok ? s.value : lastGood.current;
  // After a prepayment rebuilt it, the schedule the server holds (its current version), not the form's.
  const held = model.heldSchedule.value;
  // Its rows, installment and totals as the server read them off the rows: table and summary agree.
  const current = held && !whatIf ? held : null;
  const table = shown ? shownSchedule(shown, current) : shown;
  // Which version the figures are, once the loan has more than one — held rows or the form's.
  const version = versionLine(t, model.scheduleVersion.value);
  const serv = model.servicing.value;
  const r = model.effectiveRates.value;
  const rates = r === null ? null : r.ok ? r.value : {};
  const servicing = serv && serv.ok ? serv.value : null;
  const servicingIssue = serv && !serv.ok ? (serv.issues[0] ?? null) : null;
  const save = model.saveState.value;
  const frozen = save.kind === 'failed' && save.code === 'TERMS_FROZEN';
  return (
    <main class="lt-app" data-ready={s.ok ? 'yes' : 'no'}>
      <header class="lt-header">
        <h2 class="lt-h2">{model.dealId ? t('title') : t('calculatorTitle')}</h2>
        <div class="lt-actions">
          {model.canSave && !model.closed.value ? (
            <button
              class="lt-button"
              type="button"
              disabled={!model.canSubmit.value || save.kind === 'saving'}
              onClick={() => void model.save()}
            >
              {save.kind === 'saving' ? t('saving') : t('save')}
            </button>
          ) : null}
          {onCreateDeal && creation.kind !== 'done' ? (
            // One deal per click: disabled while one is being made, gone once it exists.
            <button
              class="lt-button"
              type="button"
              disabled={!model.canSubmit.value || creation.kind === 'working' || Boolean(createBlocked)}
              onClick={() => create(onCreateDeal)}
            >
              {creation.kind === 'working' ? t('creatingDeal') : t('createDeal')}
            </button>
          ) : null}
          {onCreateDeal && createBlocked && creation.kind !== 'done' ? (
            <span class="lt-muted" data-testid="create-blocked">
              {createBlocked}
            </span>
          ) : null}
          {save.kind === 'saved' ? <span class="lt-ok">{t('saved')}</span> : null}
          {save.kind === 'failed' && !frozen ? (
            <span class="lt-error" role="alert" data-testid="save-error">{`${t('saveFailed')}: ${errorText(t, save.code)}`}</span>
          ) : null}
          {creation.kind === 'done' ? <CreatedNote deal={creation.deal} t={t} onOpenDeal={onOpenDeal} /> : null}
          {creation.kind === 'failed' ? (
            <span class="lt-error" role="alert">
              {creation.message}
            </span>
          ) : null}
        </div>
      </header>
      {save.kind === 'confirm-reterm' ? <RetermConfirm model={model} changes={save.changes} t={t} /> : null}
      {children}
      {model.closed.value ? <ClosedBanner reason={model.loanStatus.value.closedReason} t={t} /> : null}
      {frozen ? (
        // Beside the form it refuses: the server's text names the stage that fixed the offer and
        // the one to move the deal back to (server/lifecycle/offer-freeze-check.ts).
        <p class="lt-banner lt-banner--error" role="alert" data-testid="terms-frozen">
          {`${t('saveFailed')}: ${save.message || errorText(t, save.code)}`}
        </p>
      ) : null}
      <LoanForm model={model} t={t} />
      <ConventionsLine model={model} t={t} fmt={fmt} />
      {s.ok ? null : (
        <p class="lt-error" role="alert" data-testid="issues">
          {s.issues.map((i) => errorText(t, i.code)).join(' · ')}
          {shown ? ` — ${t('staleSchedule')}` : ''}
        </p>
      )}
      {shown ? (
        <div class={s.ok ? undefined : 'lt-stale'}>
          <Summary
            figures={summaryFigures(shown, current)}
            rates={s.ok ? rates : null}
            currency={model.currency}
            profile={model.loanInput.value.profile}
            t={t}
            fmt={fmt}
          />
          <ScheduleChart rows={(table ?? shown).rows} t={t} />
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
            {version && !whatIf ? (
              <p class="lt-muted" data-testid="schedule-version">
                {version}
              </p>
            ) : null}
            <ScheduleTable
              schedule={table ?? shown}
              states={whatIf || model.notIssued.value ? null : (servicing?.installments ?? null)}
              model={model}
              editable={whatIf}
              t={t}
              fmt={fmt}
            />
          </section>
          {model.dealId && model.notIssued.value ? (
            <p class="lt-muted lt-not-issued" role="status" data-testid="not-issued">
              {t('notIssued')}
            </p>
          ) : model.dealId ? (
            <>
              <PaymentsPanel model={model} servicing={s.ok ? servicing : null} servicingIssue={servicingIssue} t={t} fmt={fmt} />
              <PausesPanel model={model} t={t} fmt={fmt} />
            </>
          ) : null}
        </div>
      ) : null}
    </main>
  );
}

/** A closed loan stays visible as a record; what-if still works, as it saves nothing. */
function ClosedBanner({ reason, t }: { reason: string | null; t: Translate }) {
  return (
    <p class="lt-banner" role="status" data-testid="loan-closed" data-reason={reason ?? ''}>
      {reason === 'DEAL_DELETED' ? t('closed.DEAL_DELETED') : t('closed.other')}
    </p>
  );
}

function CreatedNote({ deal, t, onOpenDeal }: { deal: CreatedDeal; t: Translate; onOpenDeal?: ((dealId: string) => void) | undefined }) {
  return (
    <>
      <span class="lt-ok" data-testid="deal-created" data-deal-id={deal.dealId} data-loan-saved={deal.loanError === null ? 'yes' : 'no'}>
        {`${t('dealCreated')} #${deal.dealId}`}
        {deal.loanError === null ? ` · ${t('loanSavedOnDeal')}` : ''}
      </span>
      {deal.loanError === null ? null : <span class="lt-error" role="alert">{`${t('loanNotSaved')}: ${deal.loanError}`}</span>}
      {onOpenDeal ? (
        <button class="lt-button lt-button--light" type="button" onClick={() => onOpenDeal(deal.dealId)}>
          {t('openDeal')}
        </button>
      ) : null}
    </>
  );
}
