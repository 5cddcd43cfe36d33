import type { RemindersTranslate } from '../reminders-i18n.js';
import type { RemindersModel } from '../reminders-model.js';

// Reminders that could not go (issue 14 item 4), under the settings that cause most of them: the
// admin fixes the phone, the lender's details or the responsible, and retries here. The reason comes
// from the server in the admin's language; the rest is this section's words.

/** A rule id (reminder-plan.ts: "<channel>:before-3", "…:due", "…:after-7") as the rule rows say it. */
function ruleText(ruleId: string, t: RemindersTranslate): string {
  const m = /(before|after)-(\d+)$/.exec(ruleId);
  if (m) return `${m[2]} ${t(m[1] === 'before' ? 'when.before' : 'when.after')}`;
  return ruleId.endsWith(':due') ? t('when.due') : ruleId;
}

export function FailedReminders({ model, t }: { model: RemindersModel; t: RemindersTranslate }) {
  const rows = model.failed.value;
  if (rows.length === 0) return null;
  const channel = (c: string) => (c === 'employee' ? t('failedChannel.employee') : t('failedChannel.client_sms'));
  return (
    <div class="st-failed" data-testid="failed-reminders">
      <h3 class="st-h3">{t('failedTitle')}</h3>
      <p class="st-muted">{t('failedIntro')}</p>
      <ul class="st-failed__list">
        {rows.map((r) => (
          <li class="st-failed__item" key={r.key} data-testid="failed-reminder" data-key={r.key}>
            <span class="st-failed__what">
              {`${t('failedDeal')} #${r.dealId} · ${t('failedInstallment')} ${r.installment} · ${channel(r.channel)} · ${ruleText(r.ruleId, t)}`}
            </span>
            <span class="st-error" data-testid="failed-reason">{`${t('failedReason')}: ${r.reason}`}</span>
            <button
              type="button"
              class="st-button st-button--light"
              disabled={model.retrying.value !== null}
              onClick={() => void model.retry(r.key)}
            >
              {model.retrying.value === r.key ? t('failedRetrying') : t('failedRetry')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
