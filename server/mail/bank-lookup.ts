import type { Executor } from '../db/executor.js';
import { getBank } from '../documents/values/banks-repo.js';
import type { BankView } from '../../wire/documents.js';
import { bankIdPrefixOfTag } from './bank-tag.js';

/** The portal's bank a reply token's tag names (bank-tag.ts); null when none or, improbably, two. */
export async function findBankByTag(db: Executor, portalId: string, tag: string): Promise<BankView | null> {
  const prefix = bankIdPrefixOfTag(tag);
  if (!prefix) return getBank(db, portalId, tag);
  const rows = await db
    .selectFrom('document_banks')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('id', 'like', `${prefix}-%`)
    .limit(2)
    .execute();
  return rows.length === 1 ? getBank(db, portalId, rows[0]!.id) : null;
}
