// Who uploaded each template version, by name: read from the portal with user.get
// (api-reference/user/user-get.md: scope user_brief; FILTER values may be arrays; pages of 50), once
// per request for all the distinct ids the answer names — the map is the request's cache. A portal
// that refuses (a portal installed before the app asked for user_brief answers insufficient_scope; a
// network or portal error) gives no names, and the screen shows the user's id as before.
import type { TemplateView } from '../../../wire/document-templates.js';

export interface UserReader {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
}

interface PortalUserRow {
  ID?: unknown;
  NAME?: unknown;
  LAST_NAME?: unknown;
}

/** user.get's page size. */
const PAGE = 50;
/** Bound on the ids read per request (10 pages); more uploaders than that show their ids. */
const MAX_IDS = 500;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Names by user id; users the portal does not return (or returns nameless) are left out. */
export async function uploaderNames(portal: UserReader, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)].slice(0, MAX_IDS);
  const names = new Map<number, string>();
  for (let i = 0; i < wanted.length; i += PAGE) {
    const rows = await portal.call<PortalUserRow[]>('user.get', { FILTER: { ID: wanted.slice(i, i + PAGE) } });
    for (const r of Array.isArray(rows) ? rows : []) {
      const name = [text(r.NAME), text(r.LAST_NAME)].filter(Boolean).join(' ');
      const id = Number(r.ID);
      if (name && Number.isInteger(id)) names.set(id, name);
    }
  }
  return names;
}

export function uploaderIds(templates: readonly TemplateView[]): number[] {
  return templates.flatMap((t) => t.versions.flatMap((v) => (v.uploadedBy === null ? [] : [v.uploadedBy])));
}

export function withUploaderNames(templates: TemplateView[], names: ReadonlyMap<number, string>): TemplateView[] {
  return templates.map((t) => ({
    ...t,
    versions: t.versions.map((v) => ({ ...v, uploadedByName: v.uploadedBy === null ? null : (names.get(v.uploadedBy) ?? null) })),
  }));
}
