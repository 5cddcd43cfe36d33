// Choose banks and generate a pack (wire/document-packs.ts): progress while the server fills the
// documents, then the list of packs with each document, whether it reached the deal, its .docx and
// its preview; a document whose step failed says why and offers Retry.
import type { PackDocumentView, PackView } from '../../../wire/document-packs.js';
import type { DocumentsModel } from '../model.js';
import { fill, type DocumentsTexts, type WidgetLang } from '../texts.js';
import { formatInstant } from '../instant.js';

interface Props {
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
}

export function Packs({ model, t, lang }: Props) {
  const banks = model.banks.value;
  const chosen = model.packBanks.value;
  const list = model.packs.value;
  return (
    <section class="dt-section dt-packs">
      <h3 class="dt-h3">{t.packs}</h3>
      {model.packsUnavailable.value ? (
        <p class="dt-muted dt-packs__unavailable">{t.packsUnavailable}</p>
      ) : (
        <>
          <fieldset class="dt-pack-form">
            <legend class="dt-field__label">{t.packBanks}</legend>
            <div class="dt-checks">
              {banks.map((b) => (
                <label class="dt-check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(b.bankId)}
                    onChange={(e) => model.togglePackBank(b.bankId, e.currentTarget.checked)}
                  />
                  {b.name}
                </label>
              ))}
              <label class="dt-check">
                <input
                  type="checkbox"
                  checked={model.packInternal.value}
                  onChange={(e) => (model.packInternal.value = e.currentTarget.checked)}
                />
                {t.internal}
              </label>
            </div>
            <button
              type="button"
              class="dt-button dt-generate"
              disabled={model.generating.value || chosen.length === 0}
              onClick={() => void model.generate()}
            >
              {t.generate}
            </button>
          </fieldset>
          {list && list.length === 0 && <p class="dt-muted">{t.noPacks}</p>}
          {list?.map((p) => (
            <PackView key={p.id} pack={p} model={model} t={t} lang={lang} />
          ))}
        </>
      )}
      {model.packError.value && <p class="dt-error">{model.packError.value}</p>}
    </section>
  );
}

function PackView({ pack, model, t, lang }: { pack: PackView; model: DocumentsModel; t: DocumentsTexts; lang: WidgetLang }) {
  const when = formatInstant(pack.createdAt, lang);
  const running = pack.status === 'queued' || pack.status === 'generating';
  const bankName = (id: string | null) => (id === null ? t.internalDoc : (model.banks.value.find((b) => b.bankId === id)?.name ?? id));
  return (
    <div class="dt-pack" data-status={pack.status}>
      <div class="dt-pack__head">
        <span>{when}</span>
        <span class={`dt-badge dt-badge--${pack.status}`}>{t.packStatus[pack.status]}</span>
        <span class="dt-muted">{fill(t.version, { n: pack.catalogVersion })}</span>
      </div>
      {running && (
        <div
          class="dt-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={pack.progress.total}
          aria-valuenow={pack.progress.done}
        >
          <div
            class="dt-progress__bar"
            style={{ width: `${pack.progress.total ? (100 * pack.progress.done) / pack.progress.total : 0}%` }}
          />
          <span class="dt-progress__text">{fill(t.generating, { done: pack.progress.done, total: pack.progress.total })}</span>
        </div>
      )}
      <ul class="dt-docs">
        {pack.documents.map((d, i) => (
          <DocumentLine
            d={d}
            bank={bankName(d.bankId)}
            t={t}
            busy={model.generating.value}
            open={(what) => void model.openDocument(pack.id, i, what)}
            retry={() => void model.retryDocument(pack.id, i)}
          />
        ))}
      </ul>
    </div>
  );
}

function DocumentLine({
  d,
  bank,
  t,
  busy,
  open,
  retry,
}: {
  d: PackDocumentView;
  bank: string;
  t: DocumentsTexts;
  busy: boolean;
  open: (what: 'file' | 'preview') => void;
  retry: () => void;
}) {
  return (
    <li class="dt-doc" data-status={d.status}>
      <span class="dt-doc__name">
        {d.name} <span class="dt-muted">· {bank}</span>
      </span>
      <span class="dt-doc__state">
        {d.status !== 'done' && <span class="dt-muted">{t.docStatus[d.status]}</span>}
        {d.attachedAs && <span class="dt-ok">{t.attached[d.attachedAs]}</span>}
        {d.status === 'done' && (
          <button type="button" class="dt-link" onClick={() => open('file')}>
            {t.download}
          </button>
        )}
        {d.preview === 'ready' && (
          <button type="button" class="dt-link" onClick={() => open('preview')}>
            {t.preview}
          </button>
        )}
        {d.preview === 'unavailable' && !d.retryable && <span class="dt-muted">{t.previewUnavailable}</span>}
        {d.retryable && (
          <button type="button" class="dt-button dt-button--light dt-retry" disabled={busy} onClick={retry}>
            {t.retry}
          </button>
        )}
      </span>
      {d.message && <span class="dt-error dt-doc__message">{d.message}</span>}
    </li>
  );
}
