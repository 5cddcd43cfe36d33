// A catalog field of type 'file': the scans the client brought (passport, income proof) kept with the
// application — for every bank, so no inherited/overridden here. Each opens in a new browser tab or is
// deleted; "Upload scan" sends a PDF, JPEG or PNG; the server's refusal shows under the field.
import type { CatalogField } from '../../../wire/document-catalog.js';
import type { DocumentsModel } from '../model.js';
import type { DocumentsTexts, WidgetLang } from '../texts.js';
import { LOCALE_OF } from '../../shared/locale.js';

interface Props {
  field: CatalogField;
  model: DocumentsModel;
  t: DocumentsTexts;
  lang: WidgetLang;
}

export function ScanField({ field: f, model, t, lang }: Props) {
  const key = model.scanKey(f.code);
  const error = model.errors.value[key];
  const busy = model.saving.value === key;
  const mine = model.scans.value.filter((s) => s.code === f.code);
  const missing = model.missing.value.has(f.code);
  const size = (bytes: number) =>
    new Intl.NumberFormat(LOCALE_OF[lang], {
      style: 'unit',
      unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
  return (
    <div class={`dt-field dt-field--scan${error ? ' dt-field--error' : ''}${missing ? ' dt-field--missing' : ''}`} data-code={f.code}>
      <div class="dt-field__head">
        <span class="dt-field__label">{f.label[lang]}</span>
      </div>
      {mine.length > 0 && (
        <ul class="dt-scans">
          {mine.map((s) => (
            <li class="dt-scan">
              <button type="button" class="dt-link dt-scan__name" onClick={() => void model.openScan(s.id)}>
                {s.fileName}
              </button>
              <span class="dt-muted">{size(s.sizeBytes)}</span>
              <button type="button" class="dt-link dt-scan__delete" onClick={() => void model.deleteScan(f.code, s.id)}>
                {t.deleteScan}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class={`dt-button dt-button--light dt-upload${busy ? ' is-busy' : ''}`}>
        {busy ? t.saving : t.uploadScan}
        <input
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void model.uploadScan(f.code, file);
          }}
        />
      </label>
      {!error && <p class="dt-muted dt-scan__hint">{t.scanHint}</p>}
      {error && (
        <p class="dt-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
