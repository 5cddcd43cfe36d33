import type { Executor } from '../db/executor.js';
import type { SecretBox } from '../security/crypto.js';
import { getBank, listBankNames } from '../documents/values/banks-repo.js';
import type { BankView } from '../../wire/documents.js';
import { bankIdPrefixOfTag } from './bank-tag.js';

/** The id and name of the portal's bank a reply token's tag (bank-tag.ts) or id names; null when none or, improbably, two. */
export async function findBankByTag(db: Executor, portalId: string, tag: string): Promise<{ id: string; name: string } | null> {
  const prefix = bankIdPrefixOfTag(tag);
  if (!prefix) return (await listBankNames(db, portalId, tag))[0] ?? null;
  const rows = await db
    .selectFrom('document_banks')
    .select(['id', 'name'])
    .where('portal_id', '=', portalId)
    .where('id', 'like', `${prefix}-%`)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]! : null;
}

/**
 * The same bank with its contacts (reply senders, e-mails), which the directory keeps sealed: read
 * in clear through its repository, so the reply matcher needs the box and nothing else.
 */
export async function findBankWithContactsByTag(db: Executor, box: SecretBox, portalId: string, tag: string): Promise<BankView | null> {
  const ref = await findBankByTag(db, portalId, tag);
  return ref ? getBank(db, box, portalId, ref.id) : null;
}
