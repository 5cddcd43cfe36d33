import type { ComponentChildren } from 'preact';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  wide?: boolean;
  children: ComponentChildren;
}

/** A labelled input with its inline error, Bitrix24 form style. */
export function Field({ label, error, hint, wide, children }: FieldProps) {
  const cls = ['st-field', error ? 'st-field--error' : '', wide ? 'st-field--wide' : ''].filter(Boolean).join(' ');
  return (
    <label class={cls}>
      <span class="st-field__label">{label}</span>
      {children}
      {error ? (
        <span class="st-field__error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span class="st-field__hint">{hint}</span>
      ) : null}
    </label>
  );
}
