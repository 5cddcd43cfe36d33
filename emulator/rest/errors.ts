// A REST error as the portal answers it: HTTP status + {error, error_description[, argument]}.
// Codes and statuses from contract.md §2.6 and the per-method pages.

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${description}`);
  }

  body(): Record<string, unknown> {
    return { error: this.code, error_description: this.description, ...this.extra };
  }
}

export const errors = {
  expiredToken: () => new RestError(401, 'expired_token', 'The access token provided has expired.'),
  noAuth: () => new RestError(401, 'NO_AUTH_FOUND', 'Wrong authorization data'),
  // UNVERIFIED(b24): exact wording of invalid_token; the SDK treats it like expired_token (contract.md §2.6).
  invalidToken: () => new RestError(401, 'invalid_token', 'The access token provided is invalid.'),
  insufficientScope: () =>
    new RestError(403, 'insufficient_scope', 'The request requires higher privileges than provided by the access token'),
  methodNotFound: () => new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'),
  wrongAuthType: () =>
    new RestError(403, 'WRONG_AUTH_TYPE', 'Current authorization type is denied for this method Application context required'),
  appContextRequired: () => new RestError(403, 'ACCESS_DENIED', 'Application context required'),
  accessDenied: (text = 'Access denied!') => new RestError(403, 'ACCESS_DENIED', text),
  queryLimit: () => new RestError(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests'),
  operatingLimit: (method: string) =>
    new RestError(429, 'OPERATION_TIME_LIMIT', `Method is blocked due to operation time limit: ${method}`),
  internal: () => new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'),
  argument: (name: string) => new RestError(400, 'ERROR_ARGUMENT', `Argument '${name}' is null or empty`, { argument: name }),
  /** Legacy crm.deal.* and friends answer with an empty error code (contract.md §7.1). */
  legacy: (text: string) => new RestError(400, '', text),
  badRequest: (code: string, text: string) => new RestError(400, code, text),
};
