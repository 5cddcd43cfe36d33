import type { ComponentChildren } from 'preact';
import type { MailReply } from '../../../wire/mail-replies.js';
import { refusalText } from '../../../templates/mail/refusal-reasons.js';
import { currencyScale } from '../../../lending/currency.js';
import { moneyFormatter, type FormatDate, type FormatDecimal } from '../format.js';
import type { Lang } from '../i18n.js';
import { decisionKey, repliesProblemKey, stateKey, type RepliesTranslate } from '../replies-i18n.js';
import type { RepliesModel, ReplyState } from '../replies-model.js';

interface Props {
  model: RepliesModel;
  t: RepliesTranslate;
  lang: Lang;
  fmt: FormatDecimal;
  instant: FormatDate;
}

function Fact(props: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <div class="st-reply__fact">
      <dt class="st-muted">{props.label}</dt>
      <dd data-testid={props.testid}>{props.children}</dd>
    </div>
  );
}

/** The amount at its currency's scale (MXN and RUB show cents); a currency the core does not know, as MXN. */
function scaleOf(currency: string | null): number {
  try {
    return currency ? currencyScale(currency) : 2;
  } catch {
    return 2;
  }
}

function Reply(props: Props & { reply: MailReply; state: ReplyState | undefined }) {
  const { reply: r, t, lang, fmt, state } = props;
  const busy = state === 'applying' || state === 'dismissing' || state === 'queued';
  return (
    <article class="st-card st-reply" data-testid="mail-reply" data-reply-id={r.id}>
      <h3 class="st-h3 st-reply__subject">{r.subject || '—'}</h3>
      <dl class="st-reply__facts">
        <Fact label={t('from')}>{r.from ?? '—'}</Fact>
        <Fact label={t('received')}>{props.instant(r.receivedAt ?? r.createdAt)}</Fact>
        <Fact label={t('deal')} testid="reply-deal">
          {r.dealId !== null && r.dealUrl ? (
            <a href={r.dealUrl} target="_blank" rel="noopener">
              #{r.dealId}
            </a>
          ) : (
            t('noDeal')
          )}
        </Fact>
        <Fact label={t('bank')}>{r.bankName ?? t('noBank')}</Fact>
        <Fact label={t('decision')} testid="reply-decision">
          {t(decisionKey(r.decision))}
        </Fact>
        <Fact label={t('amount')} testid="reply-amount">
          {r.amount ? `${moneyFormatter(fmt)(r.amount, scaleOf(r.currency))} ${r.currency ?? ''}`.trim() : '—'}
        </Fact>
      </dl>
      <h4 class="st-field__label">{t('why')}</h4>
      <ul class="st-reply__reasons" data-testid="reply-reasons">
        {r.reasons.map((code) => (
          <li key={code}>{refusalText(code, lang)}</li>
        ))}
      </ul>
      <h4 class="st-field__label">{t('text')}</h4>
      <blockquote class="st-reply__text" data-testid="reply-text">
        {r.freshText || '—'}
      </blockquote>
      <div class="st-actions">
        {r.applicable ? (
          <button type="button" class="st-button" name="reply-apply" disabled={busy} onClick={() => void props.model.apply(r.id)}>
            {t('apply')}
          </button>
        ) : null}
        <button
          type="button"
          class="st-button st-button--light"
          name="reply-dismiss"
          disabled={busy}
          onClick={() => void props.model.dismiss(r.id)}
        >
          {t('dismiss')}
        </button>
        {state ? (
          <span class={state === 'queued' || busy ? 'st-ok' : 'st-error'} role="status" data-testid="reply-state">
            {t(stateKey(state))}
          </span>
        ) : null}
      </div>
    </article>
  );
}

/** The pending bank replies with everything a person needs to decide, and Apply / Dismiss on each. */
export function ReviewQueue(props: Props) {
  const { model, t } = props;
  const problem = model.problem.value;
  const replies = model.replies.value;
  return (
    <section class="st-replies" data-testid="review-queue" data-ready={model.loading.value ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <p class="st-muted">{t('intro')}</p>
      {model.loading.value ? <p class="st-muted">{t('loading')}</p> : null}
      {!model.loading.value && replies.length === 0 && !problem ? (
        <p class="st-note" data-testid="review-empty">
          {t('empty')}
        </p>
      ) : null}
      {replies.map((r) => (
        <Reply key={r.id} {...props} reply={r} state={model.states.value[r.id]} />
      ))}
      {model.done.value.length > 0 ? (
        <ul class="st-replies__done" data-testid="review-done">
          {model.done.value.map((d) => (
            <li key={d.id} class="st-ok">
              {t(d.how === 'applied' ? 'done.applied' : 'done.dismissed')}: {d.subject}
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p class="st-error" role="alert" data-testid="review-problem" title={problem.detail}>
          {t(repliesProblemKey(problem.key))}
        </p>
      ) : null}
    </section>
  );
}
