import type { Kysely } from 'kysely';
import { Value } from '@sinclair/typebox/value';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { SecretBox } from '../security/crypto.js';
import { providerSpec, splitSecrets } from './provider-schemas.js';
import type { SettingsKind } from './tables.js';
import type { Executor } from '../db/executor.js';

// Repository of per-portal provider settings. Every function takes the portal id and scopes its
// query by it. Secrets are one encrypted JSON object per row, bound to (portal, kind) through the
// AEAD's associated data, so a ciphertext copied into another portal's row does not decrypt.

export interface ProviderSettings {
  kind: SettingsKind;
  provider: string;
  /** Non-secret fields merged with the decrypted secrets: what the provider client is built from. */
  settings: Record<string, unknown>;
  /** The stored secrets did not open: settings lack them, and the provider counts as not configured. */
  secretsUnreadable?: true;
  version: number;
  updatedAt: string;
  updatedBy: number | null;
}

/** What an admin may see: secrets only as "set" / "not set". */
export interface MaskedProviderSettings {
  kind: SettingsKind;
  provider: string;
  config: Record<string, unknown>;
  /** 'unreadable': stored, but its ciphertext does not open (altered at rest) — to be entered again. */
  secrets: Record<string, 'set' | 'not set' | 'unreadable'>;
  updatedAt: string;
  updatedBy: number | null;
}

const aadOf = (portalId: string, kind: SettingsKind) => `portal_settings:${portalId}:${kind}`;

// Secrets that do not open (altered at rest, or copied from another portal's row) read as not set:
// the provider is then not configured (its schema wants them) and the admin sees "unreadable" and
// enters them again; a 5xx would lock the admin out of the very page that mends it.
function decryptSecrets(
  box: SecretBox,
  portalId: string,
  kind: SettingsKind,
  ciphertext: string | null,
): Record<string, string> | undefined {
  if (!ciphertext) return {};
  const json = box.open(ciphertext, aadOf(portalId, kind));
  return json === undefined ? undefined : (JSON.parse(json) as Record<string, string>);
}

export async function getProviderSettings(
  db: Executor,
  box: SecretBox,
  portalId: string,
  kind: SettingsKind,
): Promise<ProviderSettings | undefined> {
  const r = await db
    .selectFrom('portal_settings')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!r) return undefined;
  const config = JSON.parse(r.config) as Record<string, unknown>;
  const secrets = decryptSecrets(box, portalId, kind, r.secrets);
  return {
    kind,
    provider: r.provider,
    settings: { ...config, ...(secrets ?? {}) },
    ...(secrets === undefined ? { secretsUnreadable: true as const } : {}),
    version: Number(r.version),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by === null ? null : Number(r.updated_by),
  };
}

export async function listMaskedSettings(db: Executor, box: SecretBox, portalId: string): Promise<MaskedProviderSettings[]> {
  const rows = await db
    .selectFrom('portal_settings')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('kind', 'in', ['sms', 'payments'])
    .orderBy('kind')
    .execute();
  return rows.map((r) => {
    const kind = r.kind as SettingsKind;
    const spec = providerSpec(kind, r.provider);
    const secrets = decryptSecrets(box, portalId, kind, r.secrets);
    return {
      kind,
      provider: r.provider,
      config: JSON.parse(r.config) as Record<string, unknown>,
      secrets: Object.fromEntries(
        (spec?.secretFields ?? []).map((f) => [f, secrets === undefined ? 'unreadable' : secrets[f] ? 'set' : 'not set']),
      ),
      updatedAt: r.updated_at,
      updatedBy: r.updated_by === null ? null : Number(r.updated_by),
    };
  });
}

/** Versions of the given portals' rows (for caches in other processes to notice a save). */
export async function settingsVersions(db: Executor, portalIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (portalIds.length === 0) return out;
  const rows = await db
    .selectFrom('portal_settings')
    .select(['portal_id', 'kind', 'version'])
    .where('portal_id', 'in', portalIds)
    .orderBy('portal_id')
    .orderBy('kind')
    .execute();
  for (const r of rows) out.set(r.portal_id, `${out.get(r.portal_id) ?? ''}${r.kind}:${Number(r.version)};`);
  return out;
}

export interface SaveProviderSettings {
  provider: string;
  /** Secret fields may be omitted: the stored ones are kept (only when the provider is unchanged). */
  settings: Record<string, unknown>;
  userId: number | null;
  now?: () => Date;
}

/**
 * Validates against the provider's schema (defaults applied; unknown fields refused) and upserts.
 * Throws AppError VALIDATION (400) with the schema errors — never echoing a value.
 */
export async function saveProviderSettings(
  db: Kysely<Database>,
  box: SecretBox,
  portalId: string,
  kind: SettingsKind,
  input: SaveProviderSettings,
): Promise<ProviderSettings> {
  const spec = providerSpec(kind, input.provider);
  if (!spec)
    throw new AppError('VALIDATION', `unknown ${kind} provider`, { key: 'PROVIDER_UNKNOWN', params: { kind, provider: input.provider } });
  return db.transaction().execute(async (trx) => {
    const current = await getProviderSettings(trx, box, portalId, kind);
    const kept: Record<string, unknown> = {};
    if (current && current.provider === input.provider) {
      for (const f of spec.secretFields)
        if (input.settings[f] === undefined && current.settings[f] !== undefined) kept[f] = current.settings[f];
    }
    const merged = Value.Default(spec.schema, structuredClone({ ...input.settings, ...kept })) as Record<string, unknown>;
    const errors = [...Value.Errors(spec.schema, merged)].slice(0, 20).map((e) => ({ path: e.path, message: e.message }));
    if (errors.length > 0) {
      // The first field refused is named (details.field) so the screen shows it beside that field.
      const field = errors[0]!.path.slice(1);
      throw new AppError(
        'VALIDATION',
        `invalid ${input.provider} settings`,
        field === 'host' ? { key: 'PROVIDER_HOST_INVALID' } : { key: 'PROVIDER_SETTINGS_INVALID', params: { provider: input.provider } },
        { field, errors },
      );
    }
    const { config, secrets } = splitSecrets(spec, merged);
    const iso = (input.now?.() ?? new Date()).toISOString();
    const row = {
      provider: input.provider,
      config: JSON.stringify(config),
      secrets: Object.keys(secrets).length > 0 ? box.encrypt(JSON.stringify(secrets), aadOf(portalId, kind)) : null,
      updated_at: iso,
      updated_by: input.userId,
    };
    await trx
      .insertInto('portal_settings')
      .values({ portal_id: portalId, kind, version: 1, ...row })
      .onConflict((oc) =>
        oc.columns(['portal_id', 'kind']).doUpdateSet((eb) => ({ ...row, version: eb('portal_settings.version', '+', 1) })),
      )
      .execute();
    return (await getProviderSettings(trx, box, portalId, kind))!;
  });
}

export async function deletePortalSettings(db: Executor, portalId: string): Promise<void> {
  await db.deleteFrom('portal_settings').where('portal_id', '=', portalId).execute();
}

/** Uninstall without CLEAN: the provider secrets go with the portal's tokens; non-secret settings stay. */
export async function wipeProviderSecrets(db: Executor, portalId: string): Promise<void> {
  await db.updateTable('portal_settings').set({ secrets: null }).where('portal_id', '=', portalId).execute();
}
