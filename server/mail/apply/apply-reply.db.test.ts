import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { saveStageMap } from '../../lifecycle/repo.js';
import type { PortalClient } from '../../portal-client/portal-client.js';
import { completeInbound, type NewReply } from '../inbox/inbox-repo.js';
import { applyReply, decisionMoveKey } from './apply-reply.js';
import { noticeJob } from './notice-job.js';
import { RetryLaterError, type Job, type JobContext } from '../../jobs/job.js';
import type { NoticePayload } from './kinds.js';
import { getReply } from './reply-repo.js';

// A broker's application sent to two banks, on both dialects: the first bank's "no" is recorded (one
// comment naming the bank still deciding) and the deal stays; the second bank's "no" moves it; a "no"
// then another bank's "yes" moves it to the approval, and only the approval tells the client.
// The portal side is the one request applyReply makes: a batch (settings/how-to-call-rest-api/batch.md)
// of crm.deal.get and crm.status.list filtered by each mapped pipeline's ENTITY_ID
// (api-reference/crm/deals/crm-deal-get.md, crm/status/crm-status-list.md), in their documented shapes; the moves and notices are the outbox jobs this transaction
// queues. A notice waits while the move's first try lasts (the deal moves before the portal's 2 req/s
// go to the client's notices).

const PORTAL = 'p1';
const stageRow = (id: string, sort: number, semantics?: 'S' | 'F') => ({
  ENTITY_ID: 'DEAL_STAGE_1',
  STATUS_ID: `C1:${id}`,
  NAME: id,
  SORT: sort,
  ...(semantics ? { SEMANTICS: semantics } : {}),
});
const STATUSES = [stageRow('SENT', 10), stageRow('APPROVED', 20), stageRow('WON', 30, 'S'), stageRow('LOSE', 40, 'F')];

function portalAt(stageOf: () => string): Pick<PortalClient, 'batch' | 'list'> {
  // Each sub-call of the batch answered as the portal answers the method alone.
  const answer = (method: string, params: Record<string, unknown> = {}): unknown => {
    if (method === 'crm.deal.get') return { ID: String(params.id), STAGE_ID: stageOf(), CATEGORY_ID: '1' };
    const entity = (params.filter as { ENTITY_ID?: string } | undefined)?.ENTITY_ID;
    if (method === 'crm.status.list') return STATUSES.filter((s) => s.ENTITY_ID === entity);
    throw new Error(`unexpected ${method}`);
  };
  return {
    batch: (async (cmd: Record<string, { method: string; params?: Record<string, unknown> }>) => ({
      results: Object.fromEntries(Object.entries(cmd).map(([k, c]) => [k, answer(c.method, c.params)])),
      errors: {},
      total: {},
      next: {},
    })) as PortalClient['batch'],
    list: async () => {
      throw new Error('the stages come in the batch');
    },
  };
}

const reply = (bank: string, decision: 'approved' | 'rejected', dealId: number): NewReply => ({
  dedupe_key: `<${bank}-${decision}-${dealId}@x>`,
  message_id: `<${bank}-${decision}-${dealId}@x>`,
  from_address: `credito@${bank}.example`,
  subject: `Solicitud ${dealId}`,
  received_at: null,
  deal_id: dealId,
  bank_id: bank,
  matched_by: 'token',
  decision,
  amount: decision === 'approved' ? '150000' : null,
  currency: decision === 'approved' ? 'MXN' : null,
  verdict: 'auto-apply',
  reasons: '[]',
  understood: '{}',
  fresh_text: decision === 'approved' ? 'aprobado, 150 000' : 'rechazado',
});

describe('a rejection while other banks are still deciding', () => {
  let d: Db;
  let stage: string;
  const portal = portalAt(() => stage);
  const by = { userId: null, now: () => new Date('2026-12-04T10:00:00Z') };

  beforeEach(async () => {
    d = await createTestDb();
    stage = 'C1:SENT';
    const map = {
      onStage: {},
      toStage: { overdue: [] },
      payoutOnIssue: false,
      bankDecision: { approved: 'C1:APPROVED', rejected: 'C1:LOSE' },
    };
    await saveStageMap(d.kysely, PORTAL, 1, map, { userId: 1, nowIso: by.now().toISOString() });
  });
  afterEach(async () => {
    await d.close();
  });

  async function sentTo(dealId: number, banks: string[], portalId = PORTAL) {
    for (const bank of banks) {
      await d.kysely
        .insertInto('bank_messages')
        .values({
          id: `${portalId}-${dealId}-${bank}`,
          portal_id: portalId,
          deal_id: dealId,
          bank_id: bank,
          request_id: `r-${dealId}`,
          request_hash: 'h',
          message_id: `<${bank}-${dealId}@lender>`,
          reply_to: '',
          sealed: '',
          lang: 'es',
          status: 'sent',
          commented: 0,
          created_by: 1,
          created_at: by.now().toISOString(),
          sent_at: by.now().toISOString(),
          channel: 'email',
        })
        .execute();
    }
  }
  const record = (r: NewReply) =>
    d.kysely.transaction().execute(async (trx) => (await completeInbound(trx, PORTAL, 'no-claim', r)).replyId);
  const jobs = async (kind: string) =>
    (
      await d.kysely
        .selectFrom('outbox_jobs')
        .select(['kind', 'payload'])
        .where('portal_id', '=', PORTAL)
        .where('kind', '=', kind)
        .execute()
    ).map((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload) as Record<string, unknown>);
  const channels = async () => (await jobs('mail.reply.notice')).map((p) => `${String(p.noticeKey)}:${String(p.channel)}`).sort();

  it('the first "no" of two is a record and the deal stays; the second moves the deal; the client hears nothing', async () => {
    await sentTo(7, ['banco-norte', 'banco-sur']);
    await sentTo(7, ['banco-este'], 'p2');
    const first = await record(reply('banco-norte', 'rejected', 7));
    expect(await applyReply(d.kysely, portal, PORTAL, first, by)).toBe('applied');
    expect((await getReply(d.kysely, PORTAL, first))!.outcome).toEqual({
      stageId: null,
      noticeKey: '7:banco-norte:rejected:-',
      waitingFor: ['banco-sur'],
    });
    expect(await jobs('lifecycle.move')).toEqual([]);
    expect(await channels()).toEqual(['7:banco-norte:rejected:-:comment']);

    const second = await record(reply('banco-sur', 'rejected', 7));
    expect(await applyReply(d.kysely, portal, PORTAL, second, by)).toBe('applied');
    expect((await getReply(d.kysely, PORTAL, second))!.outcome).toEqual({ stageId: 'C1:LOSE', noticeKey: '7:banco-sur:rejected:-' });
    expect((await jobs('lifecycle.move')).map((m) => m.stageId)).toEqual(['C1:LOSE']);
    expect(await channels()).toEqual(['7:banco-norte:rejected:-:comment', '7:banco-sur:rejected:-:comment']);
  });

  it('a "no" then the other bank\'s "yes": the approval moves the deal and only it notifies the client', async () => {
    await sentTo(8, ['banco-norte', 'banco-sur']);
    const no = await record(reply('banco-sur', 'rejected', 8));
    expect(await applyReply(d.kysely, portal, PORTAL, no, by)).toBe('applied');
    const yes = await record(reply('banco-norte', 'approved', 8));
    expect(await applyReply(d.kysely, portal, PORTAL, yes, by)).toBe('applied');
    expect((await jobs('lifecycle.move')).map((m) => m.stageId)).toEqual(['C1:APPROVED']);
    expect(await channels()).toEqual([
      '8:banco-norte:approved:150000:comment',
      '8:banco-norte:approved:150000:email',
      '8:banco-norte:approved:150000:sms',
      '8:banco-sur:rejected:-:comment',
    ]);
  });

  it('both banks\' "no" applied at once: the deal moves once, neither waits for the other', async () => {
    await sentTo(10, ['banco-norte', 'banco-sur']);
    const a = await record(reply('banco-norte', 'rejected', 10));
    const b = await record(reply('banco-sur', 'rejected', 10));
    const outcomes = await Promise.all([applyReply(d.kysely, portal, PORTAL, a, by), applyReply(d.kysely, portal, PORTAL, b, by)]);
    expect(outcomes).toEqual(['applied', 'applied']);
    expect((await jobs('lifecycle.move')).map((m) => m.stageId)).toEqual(['C1:LOSE']);
  });

  it('a "no" from a bank no message of this deal went to, with none recorded, moves the deal as before', async () => {
    const no = await record(reply('banco-norte', 'rejected', 9));
    expect(await applyReply(d.kysely, portal, PORTAL, no, by)).toBe('applied');
    expect((await jobs('lifecycle.move')).map((m) => m.stageId)).toEqual(['C1:LOSE']);
  });

  it("the client's notices wait while the deal's move is on its first try, and go once it has run or failed once", async () => {
    const yes = await record(reply('banco-norte', 'approved', 11));
    expect(await applyReply(d.kysely, portal, PORTAL, yes, by)).toBe('applied');
    const [sms] = (await jobs('mail.reply.notice')).filter((p) => p.channel === 'sms') as unknown as NoticePayload[];
    const portalTouched: string[] = [];
    const ctx = {
      db: d.kysely,
      log: { info: () => undefined },
      portal: () => {
        portalTouched.push('portal');
        return Promise.reject(new Error('stop here: the notice went on to the portal'));
      },
    } as unknown as JobContext;
    const job = { id: 'n1', portalId: PORTAL, kind: 'mail.reply.notice', idempotencyKey: 'k', payload: sms!, attempts: 1, maxAttempts: 8 };
    const run = noticeJob({ providers: {} as never, mail: {} as never, now: by.now })(job, ctx);
    await expect(run).rejects.toBeInstanceOf(RetryLaterError);
    expect(portalTouched).toEqual([]);

    // The move's first try failed (back to pending, one attempt spent): the notices no longer wait.
    await d.kysely
      .updateTable('outbox_jobs')
      .set({ status: 'pending', attempts: 1 })
      .where('idempotency_key', '=', decisionMoveKey(PORTAL, yes))
      .execute();
    await expect(noticeJob({ providers: {} as never, mail: {} as never, now: by.now })(job as Job<NoticePayload>, ctx)).rejects.toThrow(
      'stop here',
    );
    expect(portalTouched).toEqual(['portal']);
  });
});
