import { COMPANY_NAME_MAX, type LenderProfileWire } from '../../wire/lender.js';
import type { Executor } from '../db/executor.js';

// The lender's own profile, as a portal administrator fills it in: today the company name the call
// scripts say ("le llamo de {{company_name}}") and SMS templates sign with. Kept in portal_settings
// (kind 'lender', provider 'profile', no secrets) so the settings cache notices a save through the
// row version and uninstall removes it with the rest. Bitrix24 offers no portal-wide company name
// to a REST app short of the CRM's "my company" records, which the emulator does not model.

export type LenderProfile = LenderProfileWire;

export interface StoredLenderProfile extends LenderProfile {
  /** Row version: the settings cache compares it (settings/wire.ts). */
  version: number;
}

export { COMPANY_NAME_MAX };

export async function getLenderProfile(db: Executor, portalId: string): Promise<StoredLenderProfile | undefined> {
  const r = await db
    .selectFrom('portal_settings')
    .select(['config', 'version'])
    .where('portal_id', '=', portalId)
    .where('kind', '=', 'lender')
    .executeTakeFirst();
  if (!r) return undefined;
  const config = JSON.parse(r.config) as Partial<LenderProfile>;
  return { companyName: typeof config.companyName === 'string' ? config.companyName : '', version: Number(r.version) };
}

export async function saveLenderProfile(
  db: Executor,
  portalId: string,
  profile: LenderProfile,
  userId: number | null,
  now: Date = new Date(),
): Promise<LenderProfile> {
  const row = {
    provider: 'profile',
    config: JSON.stringify({ companyName: profile.companyName.trim() }),
    secrets: null,
    updated_at: now.toISOString(),
    updated_by: userId,
  };
  await db
    .insertInto('portal_settings')
    .values({ portal_id: portalId, kind: 'lender', version: 1, ...row })
    .onConflict((oc) => oc.columns(['portal_id', 'kind']).doUpdateSet((eb) => ({ ...row, version: eb('portal_settings.version', '+', 1) })))
    .execute();
  return { companyName: profile.companyName.trim() };
}
