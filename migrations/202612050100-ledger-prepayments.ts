import type { Kysely } from 'kysely';

// Issue 13 item 4 on a saved loan: a PREPAYMENT ledger entry carries its mode ('reduce-term' |
// 'reduce-installment' | 'reschedule-next'; NULL on every other kind), and a schedule version
// rebuilt by prepayments names the version its servicing starts from (base_version; NULL = the
// version is built from its own terms). The rows stay scoped by portal_id like the rest of both
// tables. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ledger_entries').addColumn('prepayment_mode', 'text').execute();
  await db.schema.alterTable('schedule_versions').addColumn('base_version', 'integer').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('schedule_versions').dropColumn('base_version').execute();
  await db.schema.alterTable('ledger_entries').dropColumn('prepayment_mode').execute();
}
