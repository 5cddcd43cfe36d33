// The catalog has a newer version than the one this application is pinned to: said once at the top,
// and moved only when the user has seen what the move adds and removes (issue 15: never silently).
import type { DocumentsModel } from '../model.js';
import { fill, type DocumentsTexts, type WidgetLang } from '../texts.js';

export function VersionBanner({ model, t, lang }: { model: DocumentsModel; t: DocumentsTexts; lang: WidgetLang }) {
  const to = model.newerVersion.value;
  const from = model.application.value?.catalogVersion;
  if (to === null || from === undefined) return null;
  const p = model.movePreview.value;
  const named = (codes: string[]) => codes.map((c) => model.moveLabels.value.get(c)?.[lang] ?? c);
  return (
    <div class="dt-banner" role="status">
      <p class="dt-banner__text">{fill(t.newerVersion, { to, from })}</p>
      {!p && (
        <button type="button" class="dt-button dt-button--light dt-review" onClick={() => void model.reviewMove()}>
          {t.review}
        </button>
      )}
      {p && (
        <div class="dt-diff">
          {p.diff.added.length + p.diff.removed.length === 0 && <p class="dt-muted">{t.nothingChanged}</p>}
          {p.diff.added.length > 0 && <DiffList title={t.added} names={named(p.diff.added)} cls="dt-diff__added" />}
          {p.diff.removed.length > 0 && <DiffList title={t.removed} names={named(p.diff.removed)} cls="dt-diff__removed" />}
          {p.diff.changed.length > 0 && (
            <DiffList title={t.changed} names={named(p.diff.changed.map((c) => c.code))} cls="dt-diff__changed" />
          )}
          <div class="dt-actions">
            <button type="button" class="dt-button dt-move" onClick={() => void model.confirmMove()}>
              {fill(t.moveTo, { to: p.to })}
            </button>
            <button type="button" class="dt-button dt-button--light" onClick={() => model.cancelMove()}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {model.moveError.value && <p class="dt-error">{model.moveError.value}</p>}
    </div>
  );
}

function DiffList({ title, names, cls }: { title: string; names: string[]; cls: string }) {
  return (
    <div class={cls}>
      <span class="dt-diff__title">{title}:</span> {names.join(', ')}
    </div>
  );
}
