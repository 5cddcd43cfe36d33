// The applicant checks' rows, every query scoped by portal. Blacklisted values are personal data:
// looked up by a keyed hash (secrets.hash), kept for display only encrypted, bound to their row
// by the AEAD's associated data.
import type { Executor } from '../db/executor.js';
import type { SecretBox } from '../security/crypto.js';
import type { HttpCheckConfig } from './http-check.js';
import type { CheckedKind, Country } from './normalize.js';

const hashOf = (box: SecretBox, kind: CheckedKind, value: string) => box.hash(`blacklist:${kind}:${value}`);
const aad = (portalId: string, kind: CheckedKind, hash: string) => `check_blacklist:${portalId}:${kind}:${hash}`;

export interface NewBlacklistEntry {
  kind: CheckedKind;
  value: string;
  reason: string | null;
}

/** Adds entries; one already listed is left as it was. Returns how many were new. */
export async function addBlacklistEntries(
  db: Executor,
  box: SecretBox,
  portalId: string,
  entries: readonly NewBlacklistEntry[],
  by: { userId: number | null; now: Date },
): Promise<{ added: number; already: number }> {
  let added = 0;
  // In chunks: one statement per 200 rows keeps PostgreSQL's parameter count and SQLite's limits far away.
  for (let i = 0; i < entries.length; i += 200) {
    const rows = entries.slice(i, i + 200).map((e) => {
      const hash = hashOf(box, e.kind, e.value);
      const a = aad(portalId, e.kind, hash);
      return {
        portal_id: portalId,
        kind: e.kind,
        value_hash: hash,
        value_enc: box.encrypt(e.value, a),
        reason_enc: e.reason === null ? null : box.encrypt(e.reason, a),
        added_by: by.userId,
        created_at: by.now.toISOString(),
      };
    });
    // The same value twice in one file is one entry.
    const unique = [...new Map(rows.map((r) => [`${r.kind}:${r.value_hash}`, r])).values()];
    const res = await db
      .insertInto('check_blacklist')
      .values(unique)
      .onConflict((oc) => oc.columns(['portal_id', 'kind', 'value_hash']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return { added, already: entries.length - added };
}

/** The reason a value is listed ('' when listed without one), or null when it is not. */
export async function blacklistReason(
  db: Executor,
  box: SecretBox,
  portalId: string,
  kind: CheckedKind,
  value: string,
): Promise<string | null> {
  const hash = hashOf(box, kind, value);
  const r = await db
    .selectFrom('check_blacklist')
    .select('reason_enc')
    .where('portal_id', '=', portalId)
    .where('kind', '=', kind)
    .where('value_hash', '=', hash)
    .executeTakeFirst();
  if (!r) return null;
  // The value is listed (its keyed hash matched) even when its reason no longer opens (altered at
  // rest): the verdict stands, the reason reads as none; the box logs where, never the value.
  return r.reason_enc === null ? '' : (box.open(r.reason_enc, aad(portalId, kind, hash)) ?? '');
}

export async function countBlacklist(db: Executor, portalId: string): Promise<{ phone: number; document: number }> {
  const rows = await db
    .selectFrom('check_blacklist')
    .select(['kind', (eb) => eb.fn.countAll().as('n')])
    .where('portal_id', '=', portalId)
    .groupBy('kind')
    .execute();
  const n = (k: CheckedKind) => Number(rows.find((r) => r.kind === k)?.n ?? 0);
  return { phone: n('phone'), document: n('document') };
}

export async function removeBlacklistEntry(
  db: Executor,
  box: SecretBox,
  portalId: string,
  kind: CheckedKind,
  value: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('check_blacklist')
    .where('portal_id', '=', portalId)
    .where('kind', '=', kind)
    .where('value_hash', '=', hashOf(box, kind, value))
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export interface CheckSettings {
  country: Country | null;
  http: HttpCheckConfig | null;
  /** The bureau's stored auth header does not open (altered at rest): the check is not run with it. */
  authUnreadable?: true;
}

const settingsAad = (portalId: string) => `check_settings:${portalId}`;

export async function getCheckSettings(db: Executor, box: SecretBox, portalId: string): Promise<CheckSettings> {
  const r = await db.selectFrom('check_settings').selectAll().where('portal_id', '=', portalId).executeTakeFirst();
  if (!r) return { country: null, http: null };
  const country = r.country === 'RU' || r.country === 'MX' ? r.country : null;
  if (!r.http_config) return { country, http: null };
  const cfg = JSON.parse(r.http_config) as Omit<HttpCheckConfig, 'authHeader'>;
  const authHeader = r.http_auth_enc ? box.open(r.http_auth_enc, settingsAad(portalId)) : null;
  // Calling the bureau without the header it was set up with would be a wrong answer, not a check:
  // an unreadable one is reported (the admin enters it again) and check-applicant answers "error".
  if (authHeader === undefined) return { country, http: { ...cfg, authHeader: null }, authUnreadable: true };
  return { country, http: { ...cfg, authHeader } };
}

export async function saveCheckSettings(
  db: Executor,
  box: SecretBox,
  portalId: string,
  s: CheckSettings,
  by: { userId: number | null; now: Date },
): Promise<void> {
  const { authHeader, ...cfg } = s.http ?? { authHeader: null };
  const row = {
    country: s.country,
    http_config: s.http ? JSON.stringify(cfg) : null,
    http_auth_enc: authHeader ? box.encrypt(authHeader, settingsAad(portalId)) : null,
    updated_by: by.userId,
    updated_at: by.now.toISOString(),
  };
  await db
    .insertInto('check_settings')
    .values({ portal_id: portalId, ...row })
    .onConflict((oc) => oc.column('portal_id').doUpdateSet(row))
    .execute();
}
