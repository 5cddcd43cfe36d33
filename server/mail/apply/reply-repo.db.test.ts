import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { createSecretBox } from '../../security/crypto.js';
import { insertBank } from '../../../test/support/mail/bank-row.js';
import { completeInbound, type NewReply } from '../inbox/inbox-repo.js';
import { bankPolicy, saveReplyPolicy } from '../policy/policy-repo.js';
import { queueReplyFollowUp } from './queue-follow-up.js';
import { decideReply, getReply, insertNotice, listReplies, sendToReview } from './reply-repo.js';

// The review queue's rows and the applied decisions on both dialects: a reply queues its follow-up
// once, a decision is recorded once per key, a reply is decided once, every read is the portal's own.

const box = createSecretBox(Buffer.alloc(32, 8).toString('base64'));

const row = (key: string, verdict: 'auto-apply' | 'review'): NewReply => ({
  dedupe_key: key,
  message_id: key,
  from_address: 'a@bank.example',
  subject: 's',
  received_at: null,
  deal_id: 7,
  bank_id: 'banco-norte',
  matched_by: 'token',
  decision: 'approved',
  amount: '150000',
  currency: 'MXN',
  verdict,
  reasons: verdict === 'review' ? '["sender-not-authenticated"]' : '[]',
  understood: '{}',
  fresh_text: 'aprobado, 150 000',
});

async function record(d: Db, portalId: string, r: NewReply): Promise<string> {
  return d.kysely.transaction().execute(async (trx) => {
    const done = await completeInbound(trx, portalId, 'no-claim', r);
    if (!done.duplicate) await queueReplyFollowUp(trx, portalId, { id: done.replyId, verdict: r.verdict, dealId: 7 });
    return done.replyId;
  });
}

const jobs = (d: Db) => d.kysely.selectFrom('outbox_jobs').select(['kind', 'portal_id']).orderBy('kind').execute();

describe('bank replies applied', () => {
  let d: Db;
  beforeEach(async () => {
    d = await createTestDb();
  });
  afterEach(async () => {
    await d.close();
  });

  it('a recorded reply queues its follow-up once, however often it is recorded', async () => {
    await record(d, 'p1', row('<a@x>', 'auto-apply'));
    await record(d, 'p1', row('<a@x>', 'auto-apply'));
    await record(d, 'p1', row('<b@x>', 'review'));
    await record(d, 'p2', row('<a@x>', 'auto-apply'));
    expect(await jobs(d)).toEqual([
      { kind: 'mail.reply.apply', portal_id: 'p1' },
      { kind: 'mail.reply.apply', portal_id: 'p2' },
      { kind: 'mail.reply.todo', portal_id: 'p1' },
    ]);
  });

  it('a decision is recorded once per key, a reply decided once, and each portal sees its own', async () => {
    const id = await record(d, 'p1', row('<a@x>', 'review'));
    const notice = {
      noticeKey: '7:banco-norte:approved:150000',
      replyId: id,
      dealId: 7,
      bankId: 'banco-norte',
      decision: 'approved' as const,
      amount: '150000',
      currency: 'MXN',
      emailMessageId: '<m@x>',
    };
    const now = new Date().toISOString();
    expect(await d.kysely.transaction().execute((trx) => insertNotice(trx, 'p1', notice, now))).toBe(true);
    expect(await d.kysely.transaction().execute((trx) => insertNotice(trx, 'p1', notice, now))).toBe(false);
    expect(await d.kysely.transaction().execute((trx) => insertNotice(trx, 'p2', notice, now))).toBe(true);

    const reply = (await getReply(d.kysely, 'p1', id))!;
    await sendToReview(d.kysely, 'p1', reply, 'deal-past-decision');
    expect((await getReply(d.kysely, 'p1', id))!.reasons).toEqual(['sender-not-authenticated', 'deal-past-decision']);
    expect(await getReply(d.kysely, 'p2', id)).toBeNull();
    expect(await decideReply(d.kysely, 'p2', id, 'dismissed', { userId: 1, nowIso: now })).toBe(false);
    expect(await decideReply(d.kysely, 'p1', id, 'applied', { userId: 1, nowIso: now, outcome: { stageId: 'C1:APPROVED' } })).toBe(true);
    expect(await decideReply(d.kysely, 'p1', id, 'dismissed', { userId: 2, nowIso: now })).toBe(false);
    const [applied] = await listReplies(d.kysely, 'p1', 'applied');
    expect(applied).toMatchObject({ id, status: 'applied', decidedBy: 1, outcome: { stageId: 'C1:APPROVED' }, dealId: 7 });
    expect(await listReplies(d.kysely, 'p1', 'pending')).toEqual([]);
  });

  it('a bank’s policy: the defaults until saved, then what was saved with its allowed senders', async () => {
    const now = new Date().toISOString();
    await insertBank(d.kysely, 'p1', { id: 'banco-norte', name: 'Banco Norte', replySenders: ['@banco-norte.example'] });
    expect(await bankPolicy(d.kysely, box, 'p1', 'banco-norte')).toEqual({
      bankId: 'banco-norte',
      allowedSenders: ['@banco-norte.example'],
      authentication: 'dmarc',
      band: { min: '1', max: '1' },
    });
    await saveReplyPolicy(d.kysely, 'p1', 'banco-norte', { authentication: 'dkim', bandMin: '0.8', bandMax: '1.05' }, now);
    await saveReplyPolicy(d.kysely, 'p1', 'banco-norte', { authentication: 'off', bandMin: '0.9', bandMax: '1' }, now);
    expect(await bankPolicy(d.kysely, box, 'p1', 'banco-norte')).toMatchObject({ authentication: 'off', band: { min: '0.9', max: '1' } });
    expect(await bankPolicy(d.kysely, box, 'p2', 'banco-norte')).toBeNull();
    await expect(
      saveReplyPolicy(d.kysely, 'p1', 'banco-norte', { authentication: 'off', bandMin: '0', bandMax: '1' }, now),
    ).rejects.toMatchObject({
      code: 'MAIL_REPLY_BAND',
    });
  });
});
