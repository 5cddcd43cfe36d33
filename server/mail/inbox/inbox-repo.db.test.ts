import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import {
  claimInbound,
  completeInbound,
  countInbound,
  failInbound,
  mailboxCursor,
  MAX_ATTEMPTS,
  recordListed,
  type NewReply,
} from './inbox-repo.js';

const claim = (d: Db, workerId: string, limit = 5, leaseMs = 60_000) =>
  claimInbound(d.kysely, d.dialect, { portalId: 'p1', mailbox: 'INBOX', workerId, limit, leaseMs });

const reply = (key: string): NewReply => ({
  dedupe_key: key,
  message_id: key,
  from_address: 'a@bank.example',
  subject: 's',
  received_at: null,
  deal_id: 1,
  bank_id: 'b',
  matched_by: 'token',
  decision: 'approved',
  amount: '150000.00',
  currency: 'MXN',
  verdict: 'review',
  reasons: '[]',
  understood: '{}',
  fresh_text: 'Aprobado',
});

describe('mail inbox bookkeeping', () => {
  let d: Db;
  beforeEach(async () => {
    d = await createTestDb();
  });
  afterEach(async () => {
    await d.close();
  });

  it('the cursor moves forward only, per UIDVALIDITY, and listing twice records once', async () => {
    expect(await mailboxCursor(d.kysely, 'p1', 'INBOX', '100')).toBe(0);
    await recordListed(d.kysely, 'p1', 'INBOX', '100', [1, 2, 3]);
    await recordListed(d.kysely, 'p1', 'INBOX', '100', [2, 3]);
    expect(await mailboxCursor(d.kysely, 'p1', 'INBOX', '100')).toBe(3);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ new: 3 });
    // The server renumbered the folder: list from 0 again under the new UIDVALIDITY.
    expect(await mailboxCursor(d.kysely, 'p1', 'INBOX', '200')).toBe(0);
    await recordListed(d.kysely, 'p1', 'INBOX', '200', [1]);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ new: 4 });
    expect(await countInbound(d.kysely, 'p2')).toEqual({});
  });

  it('claims are bounded and disjoint; an expired lease is claimed again', async () => {
    await mailboxCursor(d.kysely, 'p1', 'INBOX', '1');
    await recordListed(
      d.kysely,
      'p1',
      'INBOX',
      '1',
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    const [a, b] = await Promise.all([claim(d, 'a'), claim(d, 'b')]);
    expect(a).toHaveLength(5);
    expect(b).toHaveLength(5);
    expect(new Set([...a, ...b].map((c) => c.uid)).size).toBe(10);
    expect(await claim(d, 'c', 50, 1)).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 5));
    expect((await claim(d, 'd', 50)).map((c) => c.attempts)).toEqual([2, 2]);
  });

  it('the same reply finished twice (two UIDs, or a reader whose lease ran out) is one reply row', async () => {
    await mailboxCursor(d.kysely, 'p1', 'INBOX', '1');
    await recordListed(d.kysely, 'p1', 'INBOX', '1', [1, 2]);
    const [c1, c2] = await claim(d, 'a');
    const r1 = await d.kysely.transaction().execute((t) => completeInbound(t, 'p1', c1!.id, reply('<m@x>')));
    const r2 = await d.kysely.transaction().execute((t) => completeInbound(t, 'p1', c2!.id, reply('<m@x>')));
    expect(r1.duplicate).toBe(false);
    expect(r2).toEqual({ replyId: r1.replyId, duplicate: true });
    expect(await countInbound(d.kysely, 'p1')).toEqual({ done: 2 });
    const n = await d.kysely
      .selectFrom('mail_replies')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('a failure gives the message back after a pause and gives up after the last attempt', async () => {
    await mailboxCursor(d.kysely, 'p1', 'INBOX', '1');
    await recordListed(d.kysely, 'p1', 'INBOX', '1', [1]);
    const [c] = await claim(d, 'a');
    await failInbound(d.kysely, 'p1', c!, 'boom', 60_000);
    expect(await claim(d, 'a')).toHaveLength(0);
    await failInbound(d.kysely, 'p1', { ...c!, attempts: MAX_ATTEMPTS }, 'boom', 0);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ new: 1 });
    await d.kysely.updateTable('mail_inbound').set({ status: 'claimed' }).execute();
    await failInbound(d.kysely, 'p1', { ...c!, attempts: MAX_ATTEMPTS }, 'boom', 0);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ failed: 1 });
  });
});
