import type { Kysely } from 'kysely';

// Applying bank replies (issue 16 items 4–5). `bank_reply_policies`: per bank of the directory, how a
// reply's sender must be authenticated ('dmarc' | 'dkim' | 'off') and the band (min/max factors of the
// requested amount) an approved amount must lie in to apply by itself; a bank without a row gets the
// defaults (dmarc, exactly the requested amount). `mail_decision_notices`: one row per (deal, bank,
// decision, amount) ever applied — the key of the client's SMS and e-mail and of the stage move, so a
// second reply with the same decision, or a forward of it, changes nothing. `mail_replies` gains who
// decided and what applying did (or why it could not).
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_reply_policies')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('authentication', 'text', (c) => c.notNull())
    .addColumn('band_min', 'text', (c) => c.notNull())
    .addColumn('band_max', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_reply_policies_pk', ['portal_id', 'bank_id'])
    .execute();
  await db.schema
    .createTable('mail_decision_notices')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('notice_key', 'text', (c) => c.notNull())
    .addColumn('reply_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'bigint', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('amount', 'text')
    .addColumn('currency', 'text')
    .addColumn('email_message_id', 'text', (c) => c.notNull())
    .addColumn('email_sent_at', 'text')
    .addColumn('email_response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_decision_notices_pk', ['portal_id', 'notice_key'])
    .execute();
  await db.schema.alterTable('mail_replies').addColumn('decided_by', 'integer').execute();
  await db.schema.alterTable('mail_replies').addColumn('decided_at', 'text').execute();
  await db.schema.alterTable('mail_replies').addColumn('outcome', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_replies').dropColumn('outcome').execute();
  await db.schema.alterTable('mail_replies').dropColumn('decided_at').execute();
  await db.schema.alterTable('mail_replies').dropColumn('decided_by').execute();
  await db.schema.dropTable('mail_decision_notices').execute();
  await db.schema.dropTable('bank_reply_policies').execute();
}
