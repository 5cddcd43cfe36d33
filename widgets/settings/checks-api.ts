// The applicant-check settings (server/routes/api/checks): administrators only. The blacklist goes
// up as the file's bytes and never comes back as a list — only counts; the bureau's auth header is
// write-only.
import type { Static } from '@sinclair/typebox';
import type { BlacklistImportReply, CheckResultReply, CheckSettingsReply, Country, HttpCheckWire } from '../../wire/checks.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export type HttpCheck = Static<typeof HttpCheckWire>;
export type CheckCountry = Static<typeof Country>;
export type CheckSettings = Static<typeof CheckSettingsReply>;
export type BlacklistCounts = CheckSettings['blacklist'];
export type CheckResult = Static<typeof CheckResultReply>;
export type CheckFinding = CheckResult['findings'][number];

export function createChecksApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    get: () => client.request<CheckSettings>('GET', '/api/v1/checks/settings'),
    /** `authHeader` omitted keeps the stored one, null removes it. */
    save: (body: { country: CheckCountry; http: HttpCheck | null; authHeader?: string | null }) =>
      client.request<CheckSettings>('PUT', '/api/v1/checks/settings', body),
    importFile: (fileName: string, bytes: Uint8Array) =>
      client.request<Static<typeof BlacklistImportReply>>(
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
