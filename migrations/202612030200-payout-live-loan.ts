import { sql, type Kysely } from 'kysely';

// At most one live payout per loan, enforced by the database. The check in requestPayout
// (refuseSecondPayout) reads then inserts in one transaction, but at READ COMMITTED (PostgreSQL)
// two workflows paying out the same loan at the same moment both read "none" and both insert.
// A partial unique index closes that: the second insert waits for the first to commit and then
// fails as a unique violation, which the app maps to ALREADY_DISBURSED. A failed payout is not
// live, so a new attempt under a new key stays possible. Same statement on SQLite and PostgreSQL
// (both support partial indexes). Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index payouts_portal_live_loan on payouts (portal_id, loan_ref) where loan_ref is not null and status <> 'failed'`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index payouts_portal_live_loan`.execute(db);
}
