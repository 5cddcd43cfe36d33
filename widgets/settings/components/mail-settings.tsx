import type { MailCheckSide, MailSecurity } from '../../../wire/mail-settings.js';
import { mailFieldErrorKey, mailProblemKey, mailReasonKey, type MailTranslate } from '../mail-i18n.js';
import type { MailField } from '../mail-form.js';
import type { MailModel } from '../mail-model.js';
import { Field } from './field.js';

interface Props {
  model: MailModel;
  t: MailTranslate;
}

const SECURITIES: MailSecurity[] = ['tls', 'starttls', 'none'];

/** One side's answer of "Test connection", shown under that side's fields. */
function TestResult({ side, r, t }: { side: 'smtp' | 'imap'; r: MailCheckSide; t: MailTranslate }) {
  return (
    <p class={r.ok ? 'st-ok' : 'st-error'} role="status" data-testid={`mail-test-${side}`} data-ok={r.ok ? 'yes' : 'no'}>
      <strong>{t(r.ok ? 'test.ok' : 'test.failed')}</strong> {t(mailReasonKey(r.reason))}
      {r.detail && !r.ok ? <small class="st-muted st-mail__detail"> {r.detail}</small> : null}
    </p>
  );
}

/** What a reply address will look like under the chosen scheme, with a sample code. */
function example(base: string): string | null {
  const at = base.trim().lastIndexOf('@');
  return at > 0 ? `${base.trim().slice(0, at)}+d1024.bnorte.k7q2…${base.trim().slice(at)}` : null;
}

/** The mail accounts: SMTP, IMAP, the reply scheme; save, test — each side's result beside its fields. */
export function MailSettings({ model, t }: Props) {
  const f = model.form.value;
  const errors = model.errors.value;
  const busy = model.busy.value;
  const stored = model.stored.value;
  const test = model.test.value;
  const problem = model.problem.value;
  const disabled = model.loading.value;
  const err = (field: MailField) => {
    const e = errors[field];
    return e ? t(mailFieldErrorKey(e)).replace('{address}', model.badForwarder.value) : undefined;
  };
  const text = (
    field: MailField,
    value: string,
    label: string,
    o: { type?: 'text' | 'password' | 'email'; auto?: string; wide?: boolean; hint?: string | undefined } = {},
  ) => (
    <Field label={label} error={err(field)} hint={o.hint} wide={o.wide ?? true}>
      <input
        class="st-input"
        name={field}
        // Preact types each input type apart; these three take the same attributes.
        type={(o.type ?? 'text') as 'text'}
        autoComplete={o.auto ?? 'off'}
        disabled={disabled}
        value={value}
        onInput={(e) => model.set(field, (e.target as HTMLInputElement).value)}
      />
    </Field>
  );
  const security = (side: 'smtp' | 'imap', value: MailSecurity) => (
    <Field label={t('security')}>
      <select
        class="st-input"
        name={`${side}.security`}
        disabled={disabled}
        value={value}
        onChange={(e) => model.set(`${side}.security`, (e.target as HTMLSelectElement).value)}
      >
        {SECURITIES.map((s) => (
          <option value={s} key={s}>
            {t(`security.${s}`)}
          </option>
        ))}
      </select>
    </Field>
  );
  const port = (side: 'smtp' | 'imap', value: string) => (
    <Field label={t('port')} error={err(`${side}.port`)}>
      <input
        class="st-input st-input--short"
        name={`${side}.port`}
        inputMode="numeric"
        disabled={disabled}
        value={value}
        onInput={(e) => model.set(`${side}.port`, (e.target as HTMLInputElement).value)}
      />
    </Field>
  );
  /** What both accounts have: server, port, security, user, password (write-only: empty keeps the saved one). */
  const account = (side: 'smtp' | 'imap', userLabel: string) => (
    <>
      {text(`${side}.host`, f[side].host, t('host'))}
      {port(side, f[side].port)}
      {security(side, f[side].security)}
      {text(`${side}.user`, f[side].user, userLabel, { auto: 'username' })}
      {text(`${side}.password`, f[side].password, t('password'), {
        type: 'password',
        auto: 'new-password',
        hint: stored?.[side].passwordSet ? t('passwordKept') : side === 'imap' && f.imap.password === '' ? t('imapUnread') : undefined,
      })}
    </>
  );
  const replyTo = example(f.replyScheme === 'dedicated' ? f.replyAddress : f.smtp.fromAddress);
  return (
    <section class="st-mail" data-testid="mail" data-ready={disabled ? 'no' : 'yes'}>
      <h2 class="st-h2">{t('title')}</h2>
      <form
        class="st-card st-provider"
        aria-busy={busy ? 'true' : 'false'}
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <p class="st-muted">{t('intro')}</p>
        <fieldset class="st-fees" data-testid="mail-smtp">
          <legend class="st-h3">{t('smtp')}</legend>
          <div class="st-grid">
            {account('smtp', t('userOptional'))}
            {text('smtp.fromAddress', f.smtp.fromAddress, t('fromAddress'), { type: 'email', auto: 'email' })}
            {text('smtp.fromName', f.smtp.fromName, t('fromName'), { auto: 'organization' })}
          </div>
          {test?.smtp ? <TestResult side="smtp" r={test.smtp} t={t} /> : null}
        </fieldset>
        <fieldset class="st-fees" data-testid="mail-imap">
          <legend class="st-h3">{t('imap')}</legend>
          <div class="st-grid">
            {account('imap', t('user'))}
            {text('imap.folder', f.imap.folder, t('folder'), { wide: false })}
          </div>
          {test?.imap ? <TestResult side="imap" r={test.imap} t={t} /> : null}
        </fieldset>
        <fieldset class="st-fees" data-testid="mail-replies">
          <legend class="st-h3">{t('replies')}</legend>
          {(['plus', 'dedicated'] as const).map((s) => (
            <label class="st-mail__scheme" key={s}>
              <input
                type="radio"
                name="replyScheme"
                value={s}
                disabled={disabled}
                checked={f.replyScheme === s}
                onChange={() => model.set('replyScheme', s)}
              />{' '}
              {t(`scheme.${s}`)}
            </label>
          ))}
          {f.replyScheme === 'dedicated' ? (
            <div class="st-grid">{text('replyAddress', f.replyAddress, t('replyAddress'), { type: 'email' })}</div>
          ) : null}
          {replyTo ? (
            <p class="st-muted st-mail__example" data-testid="mail-reply-example">
              {t('example').replace('{address}', replyTo)}
            </p>
          ) : null}
        </fieldset>
        <fieldset class="st-fees st-mail__trusted" data-testid="mail-forwarders">
          <legend class="st-h3">{t('forwardersTitle')}</legend>
          <div class="st-grid">
            <Field label={t('forwarders')} error={err('forwarders')} hint={t('forwardersHint')} wide>
              <textarea
                class="st-input st-mail__forwarders"
                name="forwarders"
                rows={3}
                autoComplete="off"
                spellcheck={false}
                placeholder="ana.lopez@lender.mx"
                disabled={disabled}
                value={f.forwarders}
                onInput={(e) => model.set('forwarders', (e.target as HTMLTextAreaElement).value)}
              />
            </Field>
          </div>
        </fieldset>
        <div class="st-actions st-provider__actions">
          <button type="submit" class="st-button" disabled={busy !== null || disabled}>
            {busy === 'saving' ? t('saving') : t('save')}
          </button>
          <button
            type="button"
            class="st-button st-button--light"
            data-testid="mail-test"
            disabled={busy !== null || disabled}
            onClick={() => void model.testConnection()}
          >
            {busy === 'testing' ? t('testing') : t('test')}
          </button>
          {model.saved.value ? (
            <span class="st-ok" role="status" data-testid="mail-saved">
              {t('saved')}
            </span>
          ) : null}
        </div>
        {problem ? (
          <p class="st-error" role="alert" data-testid="mail-problem" title={problem.detail}>
            {t(mailProblemKey(problem.key))}
          </p>
        ) : null}
      </form>
    </section>
  );
}
