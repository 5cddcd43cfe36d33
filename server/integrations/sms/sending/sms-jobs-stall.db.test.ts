import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/database.js';
import { createTestDb } from '../../../../test/support/test-db.js';
import type { Job, JobContext } from '../../../jobs/job.js';
import type { SmsProvider } from '../provider.js';
import { findSmsById, requestSms } from './index.js';
import { enqueueSmsSend, smsSendJob } from './sms-jobs.js';

// A retry is enqueued under sms:<id>:<attempts>. When the job that asks for it already holds that
// key (it ran before the attempt was due, or while another worker's lease was running, so
// attempts is unchanged), the insert is a no-op: without a wake-up under another key the message
// stays 'requested' / 'sending' for ever.

let db: Db;
const sent: string[] = [];
const provider: SmsProvider = {
  code: 'fake',
  limit: { maxSegments: 10 },
  async send(r) {
    sent.push(r.text);
    return { providerMessageId: `m${sent.length}`, segments: 1, status: 'queued' };
  },
};
const silentLog = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silentLog,
} as unknown as JobContext['log'];

const sendJob = smsSendJob(async () => provider, { execute: { leaseMs: 60_000 } });
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

let n = 0;
async function newSms(): Promise<string> {
  const s = await requestSms(db.kysely, 'p1', { key: `k${++n}`, to: '+5215512345678', text: `hola ${n}`, provider: 'fake' });
  return s.id;
}

/** Runs the sms.send handler as the worker would for the job stored under `key`. */
async function runJob(key: string): Promise<void> {
  const row = await db.kysely.selectFrom('outbox_jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();
  await db.kysely.updateTable('outbox_jobs').set({ status: 'running' }).where('id', '=', row.id).execute();
  const job: Job<{ smsId: string }> = {
    id: row.id,
    portalId: row.portal_id,
    kind: row.kind,
    idempotencyKey: key,
    payload: JSON.parse(row.payload) as { smsId: string },
    attempts: 1,
    maxAttempts: 8,
  };
  const ctx: JobContext = {
    db: db.kysely,
    log: silentLog,
    portal: () => Promise.reject(new Error('no portal')),
    getPortalClient: () => Promise.reject(new Error('no portal')),
  };
  await sendJob(job, ctx);
  await db.kysely.updateTable('outbox_jobs').set({ status: 'done' }).where('id', '=', row.id).execute();
}

const pendingFor = (smsId: string) =>
  db.kysely
    .selectFrom('outbox_jobs')
    .select(['idempotency_key', 'run_after'])
    .where('status', '=', 'pending')
    .where('payload', 'like', `%${smsId}%`)
    .execute();

describe('sms.send retries never stall on their own idempotency key', () => {
  it('a job that runs before its attempt is due leaves a job for when it is due', async () => {
    const id = await newSms();
    const dueAt = Date.now() + 60_000;
    // Attempt 1 failed and was rescheduled (attempts 1, backoff pending); its job sms:<id>:1 runs early.
    await db.kysely.updateTable('sms_messages').set({ attempts: 1, next_attempt_at: dueAt }).where('id', '=', id).execute();
    await db.kysely.transaction().execute(async (trx) => enqueueSmsSend(trx, (await findSmsById(trx, 'p1', id))!));
    await runJob(`sms:${id}:1`);
    expect((await pendingFor(id)).map((j) => Number(j.run_after))).toEqual([dueAt]);
    expect(sent).toHaveLength(0);
  });

  it('a job woken at the end of a lease, before the retry it shares a key with is due, still leads to the retry', async () => {
    const id = await newSms();
    await db.kysely.transaction().execute(async (trx) => enqueueSmsSend(trx, (await findSmsById(trx, 'p1', id))!));
    const leaseEnd = Date.now() + 60_000;
    // Worker A claimed the message (attempts 1, 'sending'); its outbox lease ran out first, so
    // worker B re-runs sms:<id>:0, sees the lease and schedules sms:<id>:1 for the lease's end.
    await db.kysely
      .updateTable('sms_messages')
      .set({ status: 'sending', attempts: 1, next_attempt_at: leaseEnd })
      .where('id', '=', id)
      .execute();
    await runJob(`sms:${id}:0`);
    expect((await pendingFor(id)).map((j) => [j.idempotency_key, Number(j.run_after)])).toEqual([[`sms:${id}:1`, leaseEnd]]);
    // A's send then fails retryably with a back-off past the lease; its retry key sms:<id>:1 exists.
    const dueAt = leaseEnd + 120_000;
    await db.kysely.updateTable('sms_messages').set({ status: 'requested', next_attempt_at: dueAt }).where('id', '=', id).execute();
    expect(
      (await db.kysely.transaction().execute(async (trx) => enqueueSmsSend(trx, (await findSmsById(trx, 'p1', id))!, dueAt))).created,
    ).toBe(false);
    // sms:<id>:1 runs at the lease's end — too early — and must leave a job for dueAt.
    await runJob(`sms:${id}:1`);
    const [wake] = await pendingFor(id);
    expect(Number(wake?.run_after)).toBe(dueAt);
    await db.kysely
      .updateTable('sms_messages')
      .set({ next_attempt_at: Date.now() - 1 })
      .where('id', '=', id)
      .execute();
    await runJob(wake!.idempotency_key);
    expect((await findSmsById(db.kysely, 'p1', id))!.status).toBe('queued');
    expect(sent).toEqual([`hola ${n}`]);
  });
});
