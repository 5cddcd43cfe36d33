// "Send to banks" beside the packs: the banks with their contacts, e-mail or SMS, each chosen bank's
// message (in its language, editable), the pack toggle, Send; below, what was sent from this deal
// per bank with its status and the server's reply or the reason it failed.
import type { BankMessageView } from '../../../wire/bank-messages.js';
import { smsCount, type BankDraft, type BankSendModel } from '../bank-send-model.js';
import { sendTextsFor, type SendTexts } from '../send-texts.js';
import { fill, type WidgetLang } from '../texts.js';
import { formatInstant } from '../instant.js';

export function BankSend({ model, lang }: { model: BankSendModel; lang: WidgetLang }) {
  const t = sendTextsFor(lang);
  if (model.unavailable.value) return null;
  const banks = model.directory.value;
  const chosen = model.chosen.value;
  const sms = model.channel.value === 'sms';
  const drafts = model.chosenDrafts.value;
  return (
    <section class="dt-section dt-send" data-testid="bank-send">
      <h3 class="dt-h3">{t.title}</h3>
      <fieldset class="dt-send__form">
        <legend class="dt-field__label">{t.banks}</legend>
        <div class="dt-send__banks">
          {banks.map((b) => {
            const contacts = (sms ? b.phones : b.emails).join(', ');
            return (
              <label class="dt-check dt-send__bank" data-bank={b.id}>
                <input type="checkbox" checked={chosen.includes(b.id)} onChange={(e) => void model.toggle(b.id, e.currentTarget.checked)} />
                <span>
                  {b.name} <span class="dt-muted dt-send__contacts">{contacts || t.noContacts}</span>
                </span>
              </label>
            );
          })}
        </div>
        <div class="dt-send__options">
          <span class="dt-field__label">{t.channel}</span>
          <label class="dt-check">
            <input type="radio" name="dt-channel" checked={!sms} onChange={() => model.setChannel('email')} />
            {t.email}
          </label>
          <label class="dt-check">
            <input type="radio" name="dt-channel" checked={sms} onChange={() => model.setChannel('sms')} />
            {t.sms}
          </label>
          {!sms && (
            <label class="dt-check dt-send__attach">
              <input type="checkbox" checked={model.attachPack.value} onChange={(e) => model.setAttachPack(e.currentTarget.checked)} />
              {t.attachPack}
            </label>
          )}
        </div>
        {model.packError.value && <p class="dt-error dt-send__pack-error">{model.packError.value}</p>}
      </fieldset>
      {model.loadingDrafts.value && <p class="dt-muted">{t.loading}</p>}
      {drafts.map((d) => (
        <DraftEditor key={d.bankId} d={d} sms={sms} attach={!sms && model.attachPack.value} model={model} t={t} />
      ))}
      <div class="dt-send__actions">
        <button
          type="button"
          class="dt-button dt-send__button"
          disabled={model.sending.value || drafts.length === 0}
          onClick={() => void model.send()}
        >
          {model.sending.value ? t.sending : t.send}
        </button>
        {chosen.length === 0 && <span class="dt-muted">{t.chooseBank}</span>}
        {model.sentNote.value && <span class="dt-ok">{t.sent}</span>}
      </div>
      {model.error.value && <p class="dt-error dt-send__error">{model.error.value}</p>}
      <History list={model.messages.value} name={model.bankName} t={t} lang={lang} />
    </section>
  );
}

function DraftEditor({ d, sms, attach, model, t }: { d: BankDraft; sms: boolean; attach: boolean; model: BankSendModel; t: SendTexts }) {
  const missing = d.missing.map((m) => t.placeholderNames[m] ?? m).join(', ');
  const id = `dt-draft-${d.bankId}`;
  return (
    <div class="dt-draft" data-bank={d.bankId} lang={d.lang}>
      <div class="dt-draft__head">
        <strong>{fill(t.preview, { bank: d.bankName })}</strong>
        <span class="dt-muted">{t.language[d.lang]}</span>
        {attach && <span class={d.packReady ? 'dt-ok' : 'dt-muted'}>{d.packReady ? t.packReady : t.packMissing}</span>}
      </div>
      {!sms && (
        <label class="dt-field" for={`${id}-subject`}>
          <span class="dt-field__label">{t.subject}</span>
          <input
            id={`${id}-subject`}
            class="dt-input dt-draft__subject"
            value={d.subject}
            maxLength={200}
            onInput={(e) => model.edit(d.bankId, 'subject', e.currentTarget.value)}
          />
        </label>
      )}
      <label class="dt-field" for={`${id}-text`}>
        <span class="dt-field__label">{sms ? t.smsText : t.body}</span>
        <textarea
          id={`${id}-text`}
          class="dt-input dt-draft__text"
          rows={sms ? 3 : 8}
          value={sms ? d.sms : d.text}
          onInput={(e) => model.edit(d.bankId, sms ? 'sms' : 'text', e.currentTarget.value)}
        />
      </label>
      {sms && <SmsCounter text={d.sms} model={model} t={t} />}
      {d.missing.length > 0 && <p class="dt-muted dt-draft__missing">{fill(t.missing, { names: missing })}</p>}
      {d.error && <p class="dt-error dt-draft__error">{d.error}</p>}
    </div>
  );
}

/** Live under a bank's SMS text: characters and parts as the provider counts them, against its limit. */
function SmsCounter({ text, model, t }: { text: string; model: BankSendModel; t: SendTexts }) {
  const c = smsCount(text, model.smsLimit.value);
  const vars = { units: String(c.units), segments: String(c.segments), max: String(c.max?.value ?? '') };
  const line = !c.max ? t.smsCount : c.max.unit === 'characters' ? t.smsCountMaxChars : t.smsCountMaxSegments;
  return (
    <p class={c.over ? 'dt-error dt-draft__sms-count' : 'dt-muted dt-draft__sms-count'} aria-live="polite">
      {fill(line, vars)}
      {c.over && <> — {t.smsOver}</>}
    </p>
  );
}

function History({
  list,
  name,
  t,
  lang,
}: {
  list: BankMessageView[] | null;
  name: (id: string) => string;
  t: SendTexts;
  lang: WidgetLang;
}) {
  if (list === null) return null;
  return (
    <div class="dt-send__history">
      <h4 class="dt-field__label">{t.history}</h4>
      {list.length === 0 ? (
        <p class="dt-muted">{t.noMessages}</p>
      ) : (
        <ul class="dt-docs">
          {list.map((m) => (
            <li class="dt-doc dt-sent" data-status={m.status} data-bank={m.bankId}>
              <span class="dt-doc__name">
                {name(m.bankId)} <span class="dt-muted">· {m.channel === 'sms' ? t.sms : t.email}</span>
                {m.subject && <span class="dt-sent__subject"> · {m.subject}</span>}
                {m.attachmentCount > 0 && (
                  <span class="dt-muted dt-sent__files"> · {fill(t.attachments, { n: String(m.attachmentCount) })}</span>
                )}
              </span>
              <span class="dt-doc__state">
                <span class={`dt-badge dt-badge--${m.status}`}>{t.status[m.status]}</span>
                <span class="dt-muted">{formatInstant(m.sentAt ?? m.createdAt, lang)}</span>
              </span>
              {m.smtpResponse && (
                <span class={`dt-doc__message dt-sent__reply${m.status === 'failed' ? ' dt-error' : ' dt-muted'}`}>
                  {t.serverReply}: {m.smtpResponse}
                </span>
              )}
              {m.deliveryReport && (
                <span class="dt-doc__message dt-muted">
                  {t.report}: {m.deliveryReport}
                </span>
              )}
              {m.unverifiedReport && (
                <span class="dt-doc__message dt-muted dt-sent__unverified">
                  {t.unverifiedReport}: {m.unverifiedReport}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
