// The lender's profile of the portal (server/routes/api/settings/lender.ts): administrators only.
// Today the company name call scripts say for {{company_name}} and SMS templates sign with.
import type { LenderProfileWire } from '../../wire/lender.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export type LenderProfile = LenderProfileWire;

export function createLenderApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    get: () => client.request<LenderProfile>('GET', '/api/v1/settings/lender'),
    /** A full replace: repeating it after a session renewal stores the same name. */
    save: (p: LenderProfile) => client.request<LenderProfile>('PUT', '/api/v1/settings/lender', p),
  };
}

export type LenderApi = ReturnType<typeof createLenderApi>;
