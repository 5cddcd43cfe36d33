// Every refusal of the core is a LendingError with a stable code and the path of the input field
// it is about, so the HTTP layer, the CLI and the widget can point at the exact field.

export type LendingErrorKind = 'invalid' | 'refused';

export class LendingError extends Error {
  override name = 'LendingError';
  constructor(
    readonly code: string,
    readonly path: string,
    message: string,
    /** 'invalid': the input is malformed (HTTP 400); 'refused': well-formed but breaks a rule (HTTP 422). */
    readonly kind: LendingErrorKind = 'invalid',
    readonly rule?: string,
  ) {
    super(message);
  }

  toJSON(): { error: string; message: string; path: string; rule?: string } {
    return { error: this.code, message: this.message, path: this.path, ...(this.rule ? { rule: this.rule } : {}) };
  }
}

export function isLendingError(e: unknown): e is LendingError {
  return e instanceof LendingError;
}

export function invalid(code: string, path: string, message: string): LendingError {
  return new LendingError(code, path, message, 'invalid');
}

export function refused(code: string, path: string, message: string, rule?: string): LendingError {
  return new LendingError(code, path, message, 'refused', rule);
}
