// The portal's banks directory (issue 15, item 2): where an application goes, who may reply for the
// bank, and which catalog fields it needs. Every query is scoped by portal_id.
import type { Executor } from '../../db/executor.js';
import { AppError, localizedError, type UserLanguage } from '../../errors.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { DocumentBanksTable } from '../tables.js';
import type { BankInput, BankView } from '../../../wire/documents.js';

const COLUMNS = ['id', 'name', 'emails', 'reply_senders', 'phones', 'required_fields'] as const;
type Row = Pick<DocumentBanksTable, (typeof COLUMNS)[number]>;

const toView = (r: Row): BankView => ({
  id: r.id,
  name: r.name,
  emails: parseJsonColumn<string[]>(r.emails, 'document_banks.emails'),
  replySenders: parseJsonColumn<string[]>(r.reply_senders, 'document_banks.reply_senders'),
  phones: parseJsonColumn<string[]>(r.phones, 'document_banks.phones'),
  requiredFields: parseJsonColumn<string[]>(r.required_fields, 'document_banks.required_fields'),
});

// Addresses compare case-insensitively; kept lower-case so a reply's From matches without folding.
const columnsOf = (b: BankInput) => ({
  name: b.name.trim(),
  emails: JSON.stringify([...new Set(b.emails.map((e) => e.toLowerCase()))]),
  reply_senders: JSON.stringify([...new Set(b.replySenders.map((e) => e.toLowerCase()))]),
  phones: JSON.stringify(b.phones),
  required_fields: JSON.stringify([...new Set(b.requiredFields)]),
});

export interface BankActor {
  nowIso: string;
  lang: UserLanguage;
}

/** Names are unique per portal (the reply matcher and the UI tell banks apart by them). */
async function checkName(db: Executor, portalId: string, bank: BankInput, id: string, lang: UserLanguage): Promise<void> {
  const name = bank.name.trim();
  const other = await db
    .selectFrom('document_banks')
    .select('id')
    .where('portal_id', '=', portalId)
    .where('name', '=', name)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (other) throw localizedError('DOCUMENT_BANK_NAME_TAKEN', lang, `bank name taken`, { name });
}

export async function createBank(db: Executor, portalId: string, bank: BankInput, by: BankActor): Promise<BankView> {
  const id = uuidv7();
  const nowIso = by.nowIso;
  await checkName(db, portalId, bank, id, by.lang);
  await db
    .insertInto('document_banks')
    .values({ portal_id: portalId, id, ...columnsOf(bank), created_at: nowIso, updated_at: nowIso })
    .execute();
  return (await getBank(db, portalId, id))!;
}

export async function updateBank(db: Executor, portalId: string, id: string, bank: BankInput, by: BankActor): Promise<BankView> {
  const nowIso = by.nowIso;
  await checkName(db, portalId, bank, id, by.lang);
  const r = await db
    .updateTable('document_banks')
    .set({ ...columnsOf(bank), updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw bankNotFound(id);
  return (await getBank(db, portalId, id))!;
}

export async function getBank(db: Executor, portalId: string, id: string): Promise<BankView | null> {
  const r = await db.selectFrom('document_banks').select(COLUMNS).where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return r ? toView(r) : null;
}

export async function listBanks(db: Executor, portalId: string): Promise<BankView[]> {
  const rows = await db.selectFrom('document_banks').select(COLUMNS).where('portal_id', '=', portalId).orderBy('name').execute();
  return rows.map(toView);
}

export function bankNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `no bank ${id}`, 'That bank was not found.');
}
