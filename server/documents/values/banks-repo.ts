// The portal's banks directory (issue 15, item 2): where an application goes, who may reply for the
// bank, and which catalog fields it needs. Every query is scoped by portal_id. The bank's e-mails,
// reply senders and phones are its staff's personal data: sealed in one ciphertext bound to portal
// and bank (contacts_enc); readers get them in clear through this repository only.
import type { Executor } from '../../db/executor.js';
import { AppError, localizedError, type UserLanguage } from '../../errors.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import type { SecretBox } from '../../security/crypto.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { DocumentBanksTable } from '../tables.js';
import type { BankInput, BankMessageTemplate, BankView } from '../../../wire/documents.js';

const COLUMNS = [
  'id',
  'name',
  'emails',
  'reply_senders',
  'phones',
  'contacts_enc',
  'required_fields',
  'message_template',
  'deal_currencies',
] as const;
type Row = Pick<DocumentBanksTable, (typeof COLUMNS)[number]>;
export type BankContacts = Pick<BankView, 'emails' | 'replySenders' | 'phones'>;

export const bankContactsAad = (portalId: string, bankId: string) => `document_banks:${portalId}:${bankId}`;
/** What a sealed row keeps in its legacy clear columns. */
export const NO_CLEAR_CONTACTS = { emails: '[]', reply_senders: '[]', phones: '[]' } as const;

/** The legacy clear columns of a row not sealed yet (written before 202612042030). */
export const clearContactsOf = (r: Pick<Row, 'emails' | 'reply_senders' | 'phones'>): BankContacts => ({
  emails: parseJsonColumn<string[]>(r.emails, 'document_banks.emails'),
  replySenders: parseJsonColumn<string[]>(r.reply_senders, 'document_banks.reply_senders'),
  phones: parseJsonColumn<string[]>(r.phones, 'document_banks.phones'),
});

export const sealContacts = (box: SecretBox, portalId: string, bankId: string, c: BankContacts): string =>
  box.encrypt(JSON.stringify({ emails: c.emails, replySenders: c.replySenders, phones: c.phones }), bankContactsAad(portalId, bankId));

// Contacts that do not open (altered at rest) read as none and the bank is marked, as values are
// (values-repo.ts): the directory still lists it and an admin's save of the bank mends it.
function toView(box: SecretBox, portalId: string, r: Row): BankView {
  const json = r.contacts_enc === null ? null : box.open(r.contacts_enc, bankContactsAad(portalId, r.id));
  const contacts =
    json === undefined
      ? { emails: [], replySenders: [], phones: [] }
      : json === null
        ? clearContactsOf(r)
        : (JSON.parse(json) as BankContacts);
  return {
    id: r.id,
    name: r.name,
    ...contacts,
    requiredFields: parseJsonColumn<string[]>(r.required_fields, 'document_banks.required_fields'),
    messageTemplate:
      r.message_template === null ? null : parseJsonColumn<BankMessageTemplate>(r.message_template, 'document_banks.message_template'),
    // Absent when unset (any deal), as the wire reads it.
    ...(r.deal_currencies === null
      ? {}
      : { dealCurrencies: parseJsonColumn<string[]>(r.deal_currencies, 'document_banks.deal_currencies') }),
    ...(json === undefined ? { contactsUnreadable: true as const } : {}),
  };
}

// Addresses compare case-insensitively; kept lower-case so a reply's From matches without folding.
const columnsOf = (box: SecretBox, portalId: string, id: string, b: BankInput) => ({
  name: b.name.trim(),
  ...NO_CLEAR_CONTACTS,
  contacts_enc: sealContacts(box, portalId, id, {
    emails: [...new Set(b.emails.map((e) => e.toLowerCase()))],
    replySenders: [...new Set(b.replySenders.map((e) => e.toLowerCase()))],
    phones: b.phones,
  }),
  required_fields: JSON.stringify([...new Set(b.requiredFields)]),
  // Absent: the stored template stays (a save from a screen that does not edit it keeps it).
  ...(b.messageTemplate === undefined ? {} : { message_template: b.messageTemplate === null ? null : JSON.stringify(b.messageTemplate) }),
  // Likewise: a save that does not name the currencies keeps them.
  ...(b.dealCurrencies === undefined
    ? {}
    : { deal_currencies: b.dealCurrencies === null ? null : JSON.stringify([...new Set(b.dealCurrencies)]) }),
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

export async function createBank(db: Executor, box: SecretBox, portalId: string, bank: BankInput, by: BankActor): Promise<BankView> {
  const id = uuidv7();
  const nowIso = by.nowIso;
  await checkName(db, portalId, bank, id, by.lang);
  await db
    .insertInto('document_banks')
    .values({ portal_id: portalId, id, ...columnsOf(box, portalId, id, bank), created_at: nowIso, updated_at: nowIso })
    .execute();
  return (await getBank(db, box, portalId, id))!;
}

export async function updateBank(
  db: Executor,
  box: SecretBox,
  portalId: string,
  id: string,
  bank: BankInput,
  by: BankActor,
): Promise<BankView> {
  const nowIso = by.nowIso;
  await checkName(db, portalId, bank, id, by.lang);
  const r = await db
    .updateTable('document_banks')
    .set({ ...columnsOf(box, portalId, id, bank), updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw bankNotFound(id);
  return (await getBank(db, box, portalId, id))!;
}

export async function getBank(db: Executor, box: SecretBox, portalId: string, id: string): Promise<BankView | null> {
  const r = await db.selectFrom('document_banks').select(COLUMNS).where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return r ? toView(box, portalId, r) : null;
}

export async function listBanks(db: Executor, box: SecretBox, portalId: string): Promise<BankView[]> {
  const rows = await db.selectFrom('document_banks').select(COLUMNS).where('portal_id', '=', portalId).orderBy('name').execute();
  return rows.map((r) => toView(box, portalId, r));
}

/** Ids and names only, in name order: what needs no contact opened (the values view, existence checks). */
export async function listBankNames(db: Executor, portalId: string, id?: string): Promise<{ id: string; name: string }[]> {
  let q = db.selectFrom('document_banks').select(['id', 'name']).where('portal_id', '=', portalId);
  if (id !== undefined) q = q.where('id', '=', id);
  return q.orderBy('name').execute();
}

/**
 * The banks a reply from this address may speak for: listed as the full address, or its "@domain".
 * Reads through the contacts in clear (sealed at rest), so the reply matcher needs no key of its own.
 */
export async function banksForSender(db: Executor, box: SecretBox, portalId: string, from: string): Promise<BankView[]> {
  const address = from.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@'));
  return (await listBanks(db, box, portalId)).filter((b) => b.replySenders.some((s) => s === address || s === domain));
}

export function bankNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `no bank ${id}`, 'That bank was not found.');
}
