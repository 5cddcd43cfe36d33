import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Dialect } from '../../db/database.js';
import type { Executor } from '../../db/executor.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { MailRepliesTable } from './tables.js';

// UID bookkeeping and claims for one portal's mailbox. Every query filters on portal_id.
// A message is a row (portal, mailbox, UIDVALIDITY, UID) inserted once however many readers list
// it; a reader claims rows with a lease like the outbox worker (server/jobs/worker.ts: one
// UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING on PostgreSQL, atomic on
// SQLite's single writer) and finishes one in the transaction that records its reply.

export interface InboundClaim {
  id: string;
  uidValidity: string;
  uid: number;
  attempts: number;
}

export const MAX_ATTEMPTS = 5;
const INSERT_CHUNK = 200;

/** The highest UID already listed for this UIDVALIDITY (0 when the folder is new or was rebuilt). */
export async function mailboxCursor(db: Executor, portalId: string, mailbox: string, uidValidity: string): Promise<number> {
  const now = new Date().toISOString();
  await db
    .insertInto('mail_mailboxes')
    .values({ portal_id: portalId, mailbox, uid_validity: uidValidity, last_uid: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['portal_id', 'mailbox']).doNothing())
    .execute();
  // A new UIDVALIDITY means the server renumbered the folder: start listing from 0 again. Replies
  // already recorded stay recorded (mail_replies is unique by Message-ID and who vouched for it), so nothing counts twice.
  await db
    .updateTable('mail_mailboxes')
    .set({ uid_validity: uidValidity, last_uid: 0, updated_at: now })
    .where('portal_id', '=', portalId)
    .where('mailbox', '=', mailbox)
    .where('uid_validity', '<>', uidValidity)
    .execute();
  const row = await db
    .selectFrom('mail_mailboxes')
    .select('last_uid')
    .where('portal_id', '=', portalId)
    .where('mailbox', '=', mailbox)
    .executeTakeFirstOrThrow();
  return Number(row.last_uid);
}

/** Records listed UIDs (idempotent) and moves the cursor forward, never back. */
export async function recordListed(db: Executor, portalId: string, mailbox: string, uidValidity: string, uids: number[]): Promise<void> {
  if (uids.length === 0) return;
  const now = new Date().toISOString();
  for (let i = 0; i < uids.length; i += INSERT_CHUNK) {
    const values = uids.slice(i, i + INSERT_CHUNK).map((uid) => ({
      id: uuidv7(),
      portal_id: portalId,
      mailbox,
      uid_validity: uidValidity,
      uid,
      status: 'new' as const,
      lease_until: 0,
      attempts: 0,
      created_at: now,
      updated_at: now,
    }));
    await db
      .insertInto('mail_inbound')
      .values(values)
      .onConflict((oc) => oc.columns(['portal_id', 'mailbox', 'uid_validity', 'uid']).doNothing())
      .execute();
  }
  const top = Math.max(...uids);
  await db
    .updateTable('mail_mailboxes')
    .set({ last_uid: top, updated_at: now })
    .where('portal_id', '=', portalId)
    .where('mailbox', '=', mailbox)
    .where('uid_validity', '=', uidValidity)
    .where('last_uid', '<', top)
    .execute();
}

export async function claimInbound(
  db: Executor,
  dialect: Dialect,
  o: { portalId: string; mailbox: string; workerId: string; limit: number; leaseMs: number },
): Promise<InboundClaim[]> {
  const now = Date.now();
  // The pick is a CTE, not `id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`: PostgreSQL may run
  // an IN-subquery more than once per statement, and with SKIP LOCKED each run returns other rows,
  // so one claim of 5 took all 200 (seen in mail_inbound's db test). A data-modifying statement's
  // CTE runs exactly once.
  const rows = await db
    .with('picked', (qb) => {
      const pick = qb
        .selectFrom('mail_inbound')
        .select('id')
        .where('portal_id', '=', o.portalId)
        .where('mailbox', '=', o.mailbox)
        .where((eb) => eb.or([eb('status', '=', 'new'), eb('status', '=', 'claimed')]))
        .where('lease_until', '<', now)
        .orderBy('uid')
        .limit(o.limit);
      return dialect === 'postgres' ? pick.forUpdate().skipLocked() : pick;
    })
    .updateTable('mail_inbound')
    .set((eb) => ({
      status: 'claimed' as const,
      claimed_by: o.workerId,
      lease_until: now + o.leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: new Date(now).toISOString(),
    }))
    .where('portal_id', '=', o.portalId)
    .where('id', 'in', (eb) => eb.selectFrom('picked').select('id'))
    .returning(['id', 'uid_validity', 'uid', 'attempts'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, uidValidity: r.uid_validity, uid: Number(r.uid), attempts: Number(r.attempts) }))
    .sort((a, b) => a.uid - b.uid);
}

export type NewReply = Omit<MailRepliesTable, 'id' | 'portal_id' | 'created_at' | 'status'>;

/**
 * Records the reply (once per portal and dedupe key: Message-ID + vouching domain, reply-row.ts) and marks the claim done, in one transaction:
 * a reader killed before the commit leaves the row claimed, its lease runs out, another reader
 * takes it, and the unique key turns a second insert of the same reply into a no-op.
 */
export async function completeInbound(
  trx: Transaction<Database>,
  portalId: string,
  claimId: string,
  reply: NewReply,
): Promise<{ replyId: string; duplicate: boolean }> {
  const now = new Date().toISOString();
  const inserted = await trx
    .insertInto('mail_replies')
    .values({ ...reply, id: uuidv7(), portal_id: portalId, status: 'pending', created_at: now })
    .onConflict((oc) => oc.columns(['portal_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const replyId =
    inserted?.id ??
    (
      await trx
        .selectFrom('mail_replies')
        .select('id')
        .where('portal_id', '=', portalId)
        .where('dedupe_key', '=', reply.dedupe_key)
        .executeTakeFirstOrThrow()
    ).id;
  await finishClaim(trx, portalId, claimId, replyId, now);
  return { replyId, duplicate: !inserted };
}

/** Marks a claimed message done (with its reply, or none for a delivery report). */
export async function finishClaim(trx: Transaction<Database>, portalId: string, claimId: string, replyId: string | null, nowIso: string) {
  await trx
    .updateTable('mail_inbound')
    .set({ status: 'done', reply_id: replyId, claimed_by: null, lease_until: 0, last_error: null, updated_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', claimId)
    .where('status', '<>', 'done')
    .execute();
}

/** A failure gives the row back after a pause, and gives up after MAX_ATTEMPTS (kept, with the error). */
export async function failInbound(db: Executor, portalId: string, claim: InboundClaim, error: string, retryMs: number): Promise<void> {
  await db
    .updateTable('mail_inbound')
    .set({
      status: claim.attempts >= MAX_ATTEMPTS ? 'failed' : 'new',
      claimed_by: null,
      lease_until: Date.now() + retryMs,
      last_error: error.slice(0, 500),
      updated_at: new Date().toISOString(),
    })
    .where('portal_id', '=', portalId)
    .where('id', '=', claim.id)
    .where('status', '=', 'claimed')
    .execute();
}

/** For the reader's "anything left?" and the tests. */
export async function countInbound(db: Executor, portalId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('mail_inbound')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('portal_id', '=', portalId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
