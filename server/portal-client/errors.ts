import { AppError } from '../errors.js';

// Typed failures of portal calls. Callers branch on the class (or on `code`):
// ReinstallNeeded — the refresh token is dead or the portal is not active; only an admin reinstall helps.
// RateLimited — the portal kept answering 503/429 after our bounded backoff.
// NotFound / AccessDenied — the portal's own answer for the entity / permission.
// PortalCallError — anything else the portal said (code kept for the caller).

export class ReinstallNeeded extends AppError {
  constructor(
    readonly portalId: string,
    reason: string,
  ) {
    super('REINSTALL_NEEDED', `portal ${portalId}: ${reason}`);
  }
}

export class RateLimited extends AppError {
  constructor(
    readonly portalCode: string,
    readonly method: string,
  ) {
    super('RATE_LIMITED', `portal rate limit (${portalCode}) on ${method}`);
  }
}

export class NotFound extends AppError {
  constructor(
    readonly portalCode: string,
    readonly method: string,
    description: string,
  ) {
    super('NOT_FOUND', `${method}: ${portalCode} ${description}`, 'Not found in Bitrix24.');
  }
}

export class AccessDenied extends AppError {
  constructor(
    readonly portalCode: string,
    readonly method: string,
    description: string,
  ) {
    super('PORTAL_ACCESS_DENIED', `${method}: ${portalCode} ${description}`);
  }
}

export class PortalCallError extends AppError {
  constructor(
    readonly portalCode: string,
    readonly method: string,
    description: string,
    readonly httpStatus: number,
  ) {
    super('UPSTREAM', `${method}: ${portalCode} ${description}`, undefined, { portalCode });
  }
}

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'ERROR_ENTITY_NOT_FOUND', 'ERROR_NOT_FOUND', 'OWNER_NOT_FOUND', 'ERROR_METHOD_NOT_FOUND']);
const DENIED_CODES = new Set([
  'ACCESS_DENIED',
  'insufficient_scope',
  'INVALID_CREDENTIALS',
  'user_access_error',
  'WRONG_AUTH_TYPE',
  'allowed_only_intranet_user',
]);
export const RATE_CODES = new Set(['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT']);

/** Maps a portal error code/status to our typed error. */
export function portalError(code: string, description: string, status: number, method: string): AppError {
  if (RATE_CODES.has(code) || status === 503 || status === 429) return new RateLimited(code || String(status), method);
  if (NOT_FOUND_CODES.has(code) || (code === '' && /not found/i.test(description))) return new NotFound(code, method, description);
  if (DENIED_CODES.has(code) || status === 403 || (code === '' && /access denied/i.test(description)))
    return new AccessDenied(code, method, description);
  return new PortalCallError(code, method, description, status);
}
