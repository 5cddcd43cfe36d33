// One text input for a value typed the way the user's language writes it: text, a number or an
// amount ("15,000.50", "15 000,50"), a date (31/12/2026, 31.12.2026). Saved when the user leaves it
// or presses Enter, and only when the text changed; the parent decides where it is saved (a field, a
// list's cell).
import type { NumberLocale } from '../../../lending/locale-number.js';
import { DATE_PLACEHOLDER, isMoney, typedFromValue, valueFromTyped, type TypedKind } from '../field-input.js';

interface Props {
  id: string;
  kind: TypedKind;
  value: unknown;
  draft: string | undefined;
  busy: boolean;
  locale: NumberLocale;
  /** The deal's currency, for an amount not yet stored with one. */
  currency: string;
  label?: string;
  onType: (text: string) => void;
  onCommit: (value: unknown, typed: string) => void;
}

export function TypedInput({ id, kind, value, draft, busy, locale, currency: dealCurrency, label, onType, onCommit }: Props) {
  const currency = isMoney(value) ? value.currency : dealCurrency;
  const shownText = typedFromValue(kind, value, locale);
  const commit = (text: string) => {
    if (draft === undefined && text === shownText) return;
    onCommit(valueFromTyped(kind, text, locale, currency), text);
  };
  // Dates too are typed as the user's language writes them: a date picker shows the browser's
  // format, which is not the Bitrix24 user's when their interface language differs.
  const input = (
    <input
      type="text"
      id={id}
      class="dt-input"
      value={draft ?? shownText}
      disabled={busy}
      inputMode={kind === 'number' || kind === 'money' ? 'decimal' : 'text'}
      {...(kind === 'date' ? { placeholder: DATE_PLACEHOLDER[locale] } : {})}
      {...(label ? { 'aria-label': label } : {})}
      onInput={(e) => onType(e.currentTarget.value)}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
  return kind === 'money' ? (
    <div class="dt-money">
      {input}
      <span class="dt-money__currency">{currency}</span>
    </div>
  ) : (
    input
  );
}
