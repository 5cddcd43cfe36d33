// Bank contacts written in clear before migration 202612042030 are sealed when the app starts: a
// migration holds no key, the app does. Row by row, each update only if still unsealed, so two
// processes starting together seal every row once; the clear columns are emptied in the same update.
import type { Executor } from '../../db/executor.js';
import type { SecretBox } from '../../security/crypto.js';
import { clearContactsOf, NO_CLEAR_CONTACTS, sealContacts } from './banks-repo.js';

const BATCH = 200;
/** A bound on the work at start-up: 200 × 500 rows is far beyond any portal's banks directory. */
const MAX_BATCHES = 500;

/** How many rows this call sealed. */
export async function sealLegacyBankContacts(db: Executor, box: SecretBox): Promise<number> {
  let sealed = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const rows = await db
      .selectFrom('document_banks')
      .select(['portal_id', 'id', 'emails', 'reply_senders', 'phones'])
      .where('contacts_enc', 'is', null)
      .orderBy('portal_id')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const res = await db
        .updateTable('document_banks')
        .set({ contacts_enc: sealContacts(box, r.portal_id, r.id, clearContactsOf(r)), ...NO_CLEAR_CONTACTS })
        .where('portal_id', '=', r.portal_id)
        .where('id', '=', r.id)
        .where('contacts_enc', 'is', null)
        .executeTakeFirst();
      sealed += Number(res.numUpdatedRows);
    }
    if (rows.length < BATCH) break;
  }
  return sealed;
}
