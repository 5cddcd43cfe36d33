// The applicant-check settings (server/routes/api/checks): administrators only. The blacklist goes
// up as the file's bytes and never comes back as a list — only counts; the bureau's auth header is
// write-only.
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export interface HttpCheck {
  urlTemplate: string;
  method: 'GET' | 'POST';
  verdictPath: string;
  rejectValues: string[];
  reasonPath: string | null;
  timeoutMs: number;
}

export type CheckCountry = 'RU' | 'MX' | null;
export interface BlacklistCounts {
  phone: number;
  document: number;
}

export interface CheckSettings {
  country: CheckCountry;
  http: HttpCheck | null;
  authHeader: 'set' | 'not set';
  blacklist: BlacklistCounts;
}

export interface CheckFinding {
  source: 'blacklist' | 'http';
  subject: 'phone' | 'document' | 'bureau';
  outcome: 'pass' | 'reject' | 'error' | 'skipped';
  reason: string | null;
}

export interface CheckResult {
  verdict: 'pass' | 'reject' | 'error';
  findings: CheckFinding[];
}

export function createChecksApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    get: () => client.request<CheckSettings>('GET', '/api/v1/checks/settings'),
    /** `authHeader` omitted keeps the stored one, null removes it. */
    save: (body: { country: CheckCountry; http: HttpCheck | null; authHeader?: string | null }) =>
      client.request<CheckSettings>('PUT', '/api/v1/checks/settings', body),
    importFile: (fileName: string, bytes: Uint8Array) =>
      client.request<{ added: number; already: number; blacklist: BlacklistCounts }>(
        'POST',
        `/api/v1/checks/blacklist/file?${new URLSearchParams({ fileName })}`,
        bytes,
      ),
    remove: (kind: 'phone' | 'document', value: string) =>
      client.request<CheckSettings>('DELETE', '/api/v1/checks/blacklist', { kind, value }),
    tryCheck: (phone: string, document: string) =>
      client.request<CheckResult>('POST', '/api/v1/checks/try', {
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(document.trim() ? { document: document.trim() } : {}),
      }),
  };
}

export type ChecksApi = ReturnType<typeof createChecksApi>;
