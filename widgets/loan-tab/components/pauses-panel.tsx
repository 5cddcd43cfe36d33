import { useState } from 'preact/hooks';
import { PAUSE_REASONS, type PauseReason } from '../../../lending/index.js';
import type { Formatters } from '../format.js';
import { errorText, type Translate } from '../i18n.js';
import type { LoanModel } from '../model.js';
import type { PauseIssue } from '../pauses.js';
import { Field } from './field.js';

interface Props {
  model: LoanModel;
  t: Translate;
  fmt: Formatters;
}

/**
 * The loan's delinquency pauses (issue 13, item 7): a payment holiday or a court stay, from a day —
 * backdated if it began earlier — to the day counting resumes. Days past due and penalties skip them
 * as soon as one is added; Save stores them with the loan.
 */
export function PausesPanel({ model, t, fmt }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState<PauseReason>('payment-holiday');
  const [issue, setIssue] = useState<PauseIssue | null>(null);
  const editable = !model.closed.value;
  const pauses = model.pauses.value;
  const add = (): void => {
    const refused = model.addPause({ from, to, reason });
    setIssue(refused);
    if (refused) return;
    setFrom('');
    setTo('');
  };
  const errorOf = (field: PauseIssue['field']) => (issue?.field === field ? errorText(t, issue.code) : undefined);
  return (
    <section class="lt-section" data-testid="pauses">
      <h3 class="lt-h3">{t('pauses')}</h3>
      {pauses.length === 0 ? <p class="lt-muted">{t('noPauses')}</p> : null}
      <ul class="lt-pauses">
        {pauses.map((p, i) => (
          <li class="lt-pause" key={`${p.from}-${i}`}>
            <span>{`${t(`pauseReason.${p.reason ?? 'other'}`)}: ${fmt.date(p.from)} – ${p.to ? fmt.date(p.to) : t('pauseOpen')}`}</span>
            {editable ? (
              <button class="lt-button lt-button--light" type="button" onClick={() => model.removePause(i)}>
                {t('removePause')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          class="lt-form"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <DateField label={t('pauseFrom')} name="pauseFrom" value={from} error={errorOf('from')} onInput={setFrom} />
          <DateField label={t('pauseTo')} name="pauseTo" value={to} error={errorOf('to')} onInput={setTo} />
          <Field label={t('pauseReason')}>
            <select class="lt-input" name="pauseReason" value={reason} onChange={(e) => setReason(e.currentTarget.value as PauseReason)}>
              {PAUSE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`pauseReason.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <button class="lt-button lt-button--light" type="submit">
            {t('addPause')}
          </button>
        </form>
      ) : null}
      {editable ? <p class="lt-muted">{t('pausesHint')}</p> : null}
    </section>
  );
}

/** A date input with its refusal beside it. */
function DateField(p: { label: string; name: string; value: string; error: string | undefined; onInput: (v: string) => void }) {
  return (
    <Field label={p.label} error={p.error}>
      <input
        class="lt-input"
        type="date"
        name={p.name}
        value={p.value}
        aria-invalid={p.error ? 'true' : undefined}
        onInput={(e) => p.onInput(e.currentTarget.value)}
      />
    </Field>
  );
}
