import { describe, expect, it } from 'vitest';
import type { TemplateView } from '../../../wire/document-templates.js';
import { uploaderIds, uploaderNames, withUploaderNames, type UserReader } from './uploader-names.js';

const reader = (users: Record<number, { NAME: string; LAST_NAME: string }>) => {
  const calls: unknown[] = [];
  const r: UserReader = {
    call: async <T>(method: string, params?: Record<string, unknown>) => {
      calls.push({ method, params });
      const ids = ((params?.FILTER as { ID: number[] }).ID ?? []).filter((id) => users[id]);
      return ids.map((id) => ({ ID: String(id), ...users[id] })) as T;
    },
  };
  return { r, calls };
};

const version = (uploadedBy: number | null) => ({
  version: 1,
  fileName: 'a.docx',
  sha256: 'x',
  sizeBytes: 1,
  catalogVersion: 1,
  placeholders: [],
  lists: [],
  conditions: [],
  checkboxes: [],
  uploadedAt: '2026-12-01T00:00:00Z',
  uploadedBy,
  uploadedByName: null,
});
const template = (...by: (number | null)[]): TemplateView => ({
  id: 't',
  bankId: null,
  name: 'T',
  kind: 'contract',
  lang: 'es',
  currentVersion: by.length,
  archived: false,
  versions: by.map(version),
});

describe('uploader names from user.get', () => {
  it('asks once for the distinct ids (FILTER ID as an array) and names each version; an unknown user keeps no name', async () => {
    const { r, calls } = reader({ 1: { NAME: 'Portal', LAST_NAME: 'Admin' }, 7: { NAME: 'Олег', LAST_NAME: '' } });
    const templates = [template(1, 7, 1), template(null, 42)];
    const names = await uploaderNames(r, uploaderIds(templates));
    expect(calls).toEqual([{ method: 'user.get', params: { FILTER: { ID: [1, 7, 42] } } }]);
    const named = withUploaderNames(templates, names);
    expect(named[0]!.versions.map((v) => v.uploadedByName)).toEqual(['Portal Admin', 'Олег', 'Portal Admin']);
    expect(named[1]!.versions.map((v) => [v.uploadedBy, v.uploadedByName])).toEqual([
      [null, null],
      [42, null],
    ]);
  });

  it('reads more than 50 uploaders a page of 50 at a time', async () => {
    const { r, calls } = reader({});
    await uploaderNames(
      r,
      Array.from({ length: 120 }, (_, i) => i + 1),
    );
    expect(calls.map((c) => (c as { params: { FILTER: { ID: number[] } } }).params.FILTER.ID.length)).toEqual([50, 50, 20]);
  });

  it('passes the portal’s refusal to the caller, which shows the ids', async () => {
    const refusing: UserReader = { call: () => Promise.reject(new Error('insufficient_scope')) };
    await expect(uploaderNames(refusing, [1])).rejects.toThrow('insufficient_scope');
  });
});
