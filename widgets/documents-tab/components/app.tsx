// The Documents tab: the application's version, each bank's completeness (a click opens that bank's
// view), base or bank scope, the catalog's sections with their fields, the packs and sending to banks.
import type { DocumentsModel } from '../model.js';
import { BASE } from '../model.js';
import { sectionTitle } from '../../shared/section-title.js';
import { completenessText, fill, textsFor, type WidgetLang } from '../texts.js';
import { FieldRow } from './field-row.js';
import { Packs } from './packs.js';
import { BankSend } from './bank-send.js';
import type { BankSendModel } from '../bank-send-model.js';
import { ScanField } from './scan-field.js';
import { VersionBanner } from './version-banner.js';

export function App({ model, send, lang }: { model: DocumentsModel; send?: BankSendModel; lang: WidgetLang }) {
  const t = textsFor(lang);
  const state = model.state.value;
  if (state === 'loading') return <main class="dt-app" data-ready="no" />;
  // Without a catalog there is nothing to fill, but a message to a bank can still go.
  if (state === 'no-catalog')
    return (
      <main class="dt-app dt-state" data-ready="yes">
        <p class="dt-muted">{t.noCatalog}</p>
        {send && <BankSend model={send} lang={lang} />}
      </main>
    );
  if (state === 'failed')
    return (
      <main class="dt-app dt-state" data-ready="yes">
        <p class="dt-error">{model.loadError.value}</p>
      </main>
    );
  const scope = model.scope.value;
  const banks = model.banks.value;
  const bank = model.bank.value;
  return (
    <main class="dt-app" data-ready="yes">
      <header class="dt-header">
        <h2 class="dt-h2">{t.title}</h2>
        <span class="dt-muted dt-version">{fill(t.version, { n: model.application.value?.catalogVersion ?? '' })}</span>
      </header>
      <VersionBanner model={model} t={t} lang={lang} />
      {banks.length === 0 ? (
        <p class="dt-muted">{t.noBanks}</p>
      ) : (
        <ul class="dt-completeness">
          {banks.map((b) => (
            <li>
              <button
                type="button"
                class={`dt-chip${b.missing.length ? ' dt-chip--missing' : ' dt-chip--complete'}${scope === b.bankId ? ' is-active' : ''}`}
                data-bank={b.bankId}
                onClick={() => model.selectScope(b.bankId)}
              >
                {completenessText(t, lang, b.name, b.required, b.missing.length)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="dt-scope" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={scope === BASE}
          class={`dt-scope__tab${scope === BASE ? ' is-active' : ''}`}
          onClick={() => model.selectScope(BASE)}
        >
          {t.base}
        </button>
        {banks.map((b) => (
          <button
            type="button"
            role="tab"
            aria-selected={scope === b.bankId}
            class={`dt-scope__tab${scope === b.bankId ? ' is-active' : ''}`}
            onClick={() => model.selectScope(b.bankId)}
          >
            {b.name}
          </button>
        ))}
      </div>
      <p class="dt-muted dt-scope__hint">{bank ? fill(t.bankHint, { bank: bank.name }) : t.baseHint}</p>
      {model.sections.value.map((s) => (
        <section class="dt-section" data-section={s.name}>
          <h3 class="dt-h3">{sectionTitle(s.name, lang)}</h3>
          <div class="dt-grid">
            {s.fields.map((f) =>
              f.type === 'file' ? (
                <ScanField key={`scan:${f.code}`} field={f} model={model} t={t} lang={lang} />
              ) : (
                <FieldRow key={`${scope}:${f.code}`} field={f} model={model} t={t} lang={lang} />
              ),
            )}
          </div>
        </section>
      ))}
      <Packs model={model} t={t} lang={lang} />
      {send && <BankSend model={send} lang={lang} />}
    </main>
  );
}
