import type { ComponentChildren } from 'preact';

interface FieldProps {
  label: string;
  error?: string | undefined;
  children: ComponentChildren;
}

/** A labelled input with its inline error, Bitrix24 form style. */
export function Field({ label, error, children }: FieldProps) {
  return (
    <label class={error ? 'lt-field lt-field--error' : 'lt-field'}>
      <span class="lt-field__label">{label}</span>
      {children}
      {error ? (
        <span class="lt-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
