// One error type for everything a user or a portal can act on. `code` is stable (tests, clients
// and translations key on it); `message` is internal detail for logs; `userMessage` is safe to show.

export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_APPLICATION_TOKEN: 401,
  PLACEMENT_AUTH_FAILED: 401,
  SESSION_INVALID: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  UNKNOWN_PORTAL: 404,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  BLACKLIST_REFUSED: 422,
  RATE_LIMITED: 429,
  REINSTALL_NEEDED: 409,
  UPSTREAM: 502,
  NOT_READY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS | (string & {});

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly userMessage: string = message,
    readonly details?: Record<string, unknown>,
    readonly status: number = (ERROR_STATUS as Record<string, number>)[code] ?? 400,
  ) {
    super(message);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
