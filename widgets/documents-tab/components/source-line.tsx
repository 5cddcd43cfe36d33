// Under a field with a source: where the document takes the value from while it is empty, or that a
// typed one wins. A loan-sourced field shows the saved loan's value itself, and says so when what is
// typed differs from it, with "Use the loan's" in the base values (it clears the typed one).
import type { CatalogField } from '../../../wire/document-catalog.js';
import { loanValueText, sameAsLoan } from '../loan-source.js';
import { BASE, type DocumentsModel } from '../model.js';
import { fill, type DocumentsTexts } from '../texts.js';

interface Props {
  f: CatalogField & { source: NonNullable<CatalogField['source']> };
  model: DocumentsModel;
  t: DocumentsTexts;
  busy: boolean;
}

export function SourceLine({ f, model, t, busy }: Props) {
  const shown = model.shown(f.code).value;
  const typed = shown !== undefined && shown !== null;
  const loan = f.source.kind === 'loan' ? model.values.value?.loan?.[f.code] : undefined;
  const line = (text: string, extra = '') => (
    <p class={`dt-source${extra}`} data-source-kind={f.source.kind}>
      {text}
    </p>
  );
  if (loan === undefined) return line(typed ? t.sourceTyped : t.sourceEmpty[f.source.kind]);
  const value = loanValueText(f.type, loan, model.locale);
  if (!typed) return line(fill(t.sourceLoan, { value }));
  if (sameAsLoan(shown, loan)) return line(t.sourceTyped);
  return (
    <p class="dt-source dt-source--differs" data-source-kind="loan" role="status">
      {fill(t.sourceDiffers, { value })}{' '}
      {model.scope.value === BASE && (
        <button type="button" class="dt-link dt-use-loan" disabled={busy} onClick={() => void model.save(f.code, null)}>
          {t.useLoan}
        </button>
      )}
    </p>
  );
}
