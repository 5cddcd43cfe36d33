import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import type { DeliveryReport } from '../parse/delivery-report.js';
import { claimInbound, countInbound, mailboxCursor, recordListed } from './inbox-repo.js';
import { BANK_REPORT_JOB, completeInboundReport } from './delivery-report-record.js';

// A delivery report finishes its claim without a reply, moves the bank message it names once
// (this portal only), and queues one timeline job however often the report arrives.

const MID = '<d7.babcdefabcdef.nonce.mac@lender.example>';
const NOW = '2026-12-04T10:00:00.000Z';

describe('delivery report record', () => {
  let d: Db;
  beforeEach(async () => {
    d = await createTestDb();
  });
  afterEach(async () => {
    await d.close();
  });

  const message = (portalId: string, id: string, status: 'sent' | 'queued' = 'sent') =>
    d.kysely
      .insertInto('bank_messages')
      .values({
        id,
        portal_id: portalId,
        deal_id: 7,
        bank_id: 'bank-1',
        request_id: `req-${id}`,
        request_hash: 'h',
        message_id: MID,
        reply_to: 'r@lender.example',
        sealed: 'x',
        lang: 'ru',
        status,
        smtp_response: '250 ok',
        error: null,
        commented: 1,
        created_by: 1,
        created_at: NOW,
        sent_at: NOW,
        delivery_report: null,
        reported_at: null,
        channel: 'email',
      })
      .execute();

  const claimOne = async (uid: number) => {
    await mailboxCursor(d.kysely, 'p1', 'INBOX', '1');
    await recordListed(d.kysely, 'p1', 'INBOX', '1', [uid]);
    const [c] = await claimInbound(d.kysely, d.dialect, { portalId: 'p1', mailbox: 'INBOX', workerId: 'w', limit: 1, leaseMs: 60_000 });
    return c!;
  };
  const record = async (uid: number, r: DeliveryReport) => {
    const c = await claimOne(uid);
    return d.kysely.transaction().execute((trx) => completeInboundReport(trx, 'p1', c.id, r, NOW));
  };
  const row = (portalId: string, id: string) =>
    d.kysely.selectFrom('bank_messages').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirstOrThrow();
  const jobs = () => d.kysely.selectFrom('outbox_jobs').select(['kind', 'portal_id']).where('kind', '=', BANK_REPORT_JOB).execute();

  it('a bounce fails the message once with its diagnostic; a second copy changes nothing', async () => {
    await message('p1', 'm1');
    await message('p2', 'm2');
    const bounce: DeliveryReport = { originalIds: [MID], outcome: 'failed', diagnostic: 'x@bank: 550 5.1.1 User unknown' };
    expect(await record(1, bounce)).toEqual({ bankMessageId: 'm1', moved: true });
    expect(await record(2, bounce)).toEqual({ bankMessageId: 'm1', moved: false });
    const r = await row('p1', 'm1');
    expect([r.status, r.delivery_report, r.reported_at]).toEqual(['failed', 'x@bank: 550 5.1.1 User unknown', NOW]);
    expect(await jobs()).toEqual([{ kind: BANK_REPORT_JOB, portal_id: 'p1' }]);
    // Another portal's message with the same Message-ID is untouched; no reply rows; claims done.
    expect((await row('p2', 'm2')).status).toBe('sent');
    expect(await d.kysely.selectFrom('mail_replies').selectAll().execute()).toEqual([]);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ done: 2 });
  });

  it('delivered moves sent → delivered; a delayed notice is kept but moves nothing; an unknown id just finishes', async () => {
    await message('p1', 'm1');
    const delayed = await record(1, { originalIds: [MID], outcome: 'delayed', diagnostic: 'greylisted' });
    expect(delayed.moved).toBe(false);
    expect((await row('p1', 'm1')).status).toBe('sent');
    expect((await row('p1', 'm1')).delivery_report).toBe('greylisted');
    expect((await record(2, { originalIds: [MID], outcome: 'delivered', diagnostic: '250 ok' })).moved).toBe(true);
    expect((await row('p1', 'm1')).status).toBe('delivered');
    // A late bounce after delivery does not undo it (the first final report wins).
    expect((await record(3, { originalIds: [MID], outcome: 'failed', diagnostic: 'late' })).moved).toBe(false);
    expect(await record(4, { originalIds: ['<other@x.example>'], outcome: 'failed', diagnostic: '' })).toEqual({
      bankMessageId: null,
      moved: false,
    });
    expect(await jobs()).toHaveLength(1);
    expect(await countInbound(d.kysely, 'p1')).toEqual({ done: 4 });
  });
});
