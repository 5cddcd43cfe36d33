import type { Kysely } from 'kysely';

// Reading bank replies exactly once (server/mail/inbox/). `mail_mailboxes` keeps, per portal and
// IMAP folder, the UIDVALIDITY seen and the highest UID listed. `mail_inbound` is one row per
// message (portal, folder, UIDVALIDITY, UID) — the claim: a reader takes rows with a lease
// (lease_until, epoch ms; SKIP LOCKED on PostgreSQL) and marks one done in the same transaction
// that records its reply. `mail_replies` is what was understood — the decision, the verdict and
// every reason it was not applied (the review queue) — unique per portal by the message's
// Message-ID (or a hash of its bytes), so a re-delivered or re-listed reply never counts twice.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_mailboxes')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_mailboxes_pk', ['portal_id', 'mailbox'])
    .execute();
  await db.schema
    .createTable('mail_inbound')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('uid', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_id', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mail_inbound_uid', ['portal_id', 'mailbox', 'uid_validity', 'uid'])
    .execute();
  await db.schema.createIndex('mail_inbound_claim').on('mail_inbound').columns(['portal_id', 'status', 'lease_until']).execute();
  await db.schema
    .createTable('mail_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('from_address', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text')
    .addColumn('deal_id', 'bigint')
    .addColumn('bank_id', 'text')
    .addColumn('matched_by', 'text')
    .addColumn('decision', 'text')
    .addColumn('amount', 'text')
    .addColumn('currency', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('understood', 'text', (c) => c.notNull())
    .addColumn('fresh_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mail_replies_dedupe', ['portal_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('mail_replies_queue').on('mail_replies').columns(['portal_id', 'status', 'created_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_replies').execute();
  await db.schema.dropTable('mail_inbound').execute();
  await db.schema.dropTable('mail_mailboxes').execute();
}
