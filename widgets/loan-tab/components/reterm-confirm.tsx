import type { Translate } from '../i18n.js';
import type { LoanModel } from '../model.js';
import type { TermChange } from '../payment-safety.js';

interface Props {
  model: LoanModel;
  changes: TermChange[];
  t: Translate;
}

/** New terms on a loan that has payments: what changes, before the payments are re-allocated. */
export function RetermConfirm({ model, changes, t }: Props) {
  return (
    <div class="lt-confirm" role="alertdialog" data-testid="reterm-confirm">
      <p>{t('retermTitle')}</p>
      <ul class="lt-changes">
        {changes.map((c) => (
          <li key={c.field}>{`${t(`change.${c.field}`)}: ${c.before} → ${c.after}`}</li>
        ))}
      </ul>
      <div class="lt-actions">
        <button class="lt-button" type="button" onClick={() => void model.confirmSave()}>
          {t('retermConfirm')}
        </button>
        <button class="lt-button lt-button--light" type="button" onClick={() => model.cancelSave()}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
