import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { sampleTerms } from '../../test/support/sample-terms.js';
import { createProviders } from '../activities/providers.js';
import type { SmsProvider } from '../integrations/sms/provider.js';
import { OutboxWorker } from '../jobs/worker.js';
import { defaultLoanDeps } from '../loans/operations/deps.js';
import { saveLoan } from '../loans/operations/save-loan.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { reminderJobEntries } from './jobs.js';
import { listFailedReminders, retryFailedReminder } from './failed.js';
import { planReminders, REMINDER_SEND_JOB } from './plan.js';
import type { ReminderRow, ReminderSender } from './send.js';
import { reminderSender } from './sender.js';
import { saveReminderSettings } from './settings-repo.js';

// The send job's two ways to lose a reminder, on both dialects (TEST_DIALECT): a postponed job run
// before its instant (a worker's clock behind), and a template the lender's settings cannot fill.
// Installment 1 of every sample loan is due Thursday 2024-02-15; the debtors are in Moscow (UTC+3).
const log = pino({ level: 'silent' });
let db: Db;
const clock = { at: new Date() };
const settings = { offsets: [1], clientSms: true, employee: false, timeZone: 'Europe/Moscow', law: 'RU' as const, smsProvider: null };

const recorded: ReminderRow[] = [];
const recording: ReminderSender = {
  send: async (r) => void recorded.push(r),
  debtorOf: async (r) => `deal:${Number(r.deal_id)}`,
};

// The real sender against a portal whose deal has a contact with a phone, and an SMS provider that
// would record a message; the lender has no company name in its settings.
const portalCalls: string[] = [];
const portal = {
  async call(method: string) {
    portalCalls.push(method);
    if (method === 'crm.deal.get') return { ID: '801', TITLE: 'Заём', CONTACT_ID: '5', CURRENCY_ID: 'RUB' };
    if (method === 'crm.contact.get') return { ID: '5', NAME: 'Анна', PHONE: [{ VALUE: '+79161234567' }] };
    return true;
  },
  // The sends read deals and contacts in a batch (deal-reads.ts): each command answered as its call.
  async batch(commands: Record<string, { method: string }> | { method: string }[]) {
    const entries = Array.isArray(commands) ? commands.map((c, i) => [String(i), c] as const) : Object.entries(commands);
    const results: Record<string, unknown> = {};
    for (const [k, c] of entries) results[k] = await portal.call(c.method);
    return { results, errors: {}, total: {}, next: {} };
  },
} as unknown as PortalClient;
const sms: SmsProvider = {
  code: 'fake',
  limit: 6,
  send: async () => ({ providerMessageId: 'm1', segments: 1, status: 'queued' }),
};

const worker = (sender: ReminderSender) =>
  new OutboxWorker({
    db: db.kysely,
    dialect: db.dialect,
    log,
    getPortalClient: async () => portal,
    handlers: new Map(reminderJobEntries({ sender, now: () => clock.at })),
    batchSize: 50,
    backoffBaseMs: 1,
    backoffMaxMs: 2,
  });
const rows = (portalId: string) => db.kysely.selectFrom('reminders').selectAll().where('portal_id', '=', portalId).execute();
const sendJobs = (portalId: string) =>
  db.kysely
    .selectFrom('outbox_jobs')
    .select(['idempotency_key', 'status', 'attempts', 'last_error'])
    .where('kind', '=', REMINDER_SEND_JOB)
    .where('portal_id', '=', portalId)
    .execute();

beforeAll(async () => {
  db = await createTestDb();
  const deps = defaultLoanDeps({ now: () => new Date('2024-01-15T09:00:00Z') });
  for (const [portal, deal] of [
    ['portal-early', 701],
    ['portal-tpl', 801],
  ] as const) {
    await saveLoan(db.kysely, portal, deal, { terms: sampleTerms(6) }, { userId: 1 }, deps);
    await saveReminderSettings(db.kysely, portal, settings, 1);
  }
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await db?.close();
});

describe('reminders: the send job', () => {
  it('a postponed send run before its instant waits for it, and the reminder is sent once', async () => {
    clock.at = new Date('2024-02-16T20:30:00Z'); // Friday 23:30 in Moscow, a day after the due date
    expect(await planReminders(db.kysely, 'portal-early', clock.at)).toBe(1);
    await worker(recording).runOnce();
    const morning = new Date('2024-02-17T06:00:00Z').getTime(); // Saturday 09:00 in Moscow
    const [r] = await rows('portal-early');
    expect([r!.status, Number(r!.not_before)]).toEqual(['pending', morning]);
    // The postponed job is claimed by a worker whose clock still says 23:30: the same instant, the
    // same key — it must not end 'done' leaving the reminder with no job.
    await worker(recording).runOnce();
    const early = (await sendJobs('portal-early')).find((j) => j.idempotency_key.endsWith(`:at:${morning}`))!;
    expect(early.status).toBe('pending');
    expect((await rows('portal-early'))[0]!.status).toBe('pending');
    expect(recorded).toEqual([]);
    // Morning comes (for the outbox too: the job waits in real time).
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 24 * 3600_000);
    clock.at = new Date(morning);
    await worker(recording).runOnce();
    await worker(recording).runOnce();
    expect(recorded.map((x) => x.key)).toEqual([r!.key]);
    expect((await rows('portal-early'))[0]!.status).toBe('sent');
    expect((await sendJobs('portal-early')).every((j) => j.status === 'done')).toBe(true);
  });

  it('an SMS its template cannot write (no company name) fails once, with the reason on the reminder; not sent, not counted', async () => {
    const providers = createProviders(
      { settingsOf: async () => ({ sms: { provider: 'smpp', settings: {} }, language: 'ru' }) },
      db.kysely,
      {
        createSmsProvider: () => sms,
      },
    );
    clock.at = new Date('2024-02-16T07:00:00Z'); // Friday 10:00 in Moscow, a day after the due date
    expect(await planReminders(db.kysely, 'portal-tpl', clock.at)).toBe(1);
    const w = worker(reminderSender({ providers }));
    for (let i = 0; i < 5; i++) await w.drain();
    const [r] = await rows('portal-tpl');
    expect(r!.status).toBe('failed');
    expect(r!.sent_at).toBeNull(); // the reservation is given back: nothing went, the 230-FZ count is untouched
    expect(r!.note).toBe('Не удалось составить SMS: нет значения для company_name.');
    const jobs = await sendJobs('portal-tpl');
    expect(jobs.map((j) => [j.status, Number(j.attempts)])).toEqual([['dead', 1]]);
    expect(jobs[0]!.last_error).toMatch(/overdue-notice needs company_name/);
    const stored = await db.kysely.selectFrom('sms_messages').select('id').where('portal_id', '=', 'portal-tpl').execute();
    expect(stored).toEqual([]);
    expect(portalCalls).not.toContain('crm.timeline.comment.add');
    // The app page reads the reason in each admin's language (stored as data, not as the Russian note).
    const [es] = await listFailedReminders(db.kysely, 'portal-tpl', 'es');
    expect(es).toMatchObject({ key: r!.key, installment: 1, channel: 'client_sms' });
    expect(es!.reason).toMatch(/company_name/);
    expect(es!.reason).not.toBe(r!.note);
    expect((await listFailedReminders(db.kysely, 'portal-tpl', 'ru'))[0]!.reason).toBe(r!.note);
    // Retry: pending again with one new send job; a second click finds it no longer failed.
    expect(await retryFailedReminder(db.kysely, 'portal-tpl', r!.key, 1_000)).toBe(true);
    expect(await retryFailedReminder(db.kysely, 'portal-tpl', r!.key, 2_000)).toBe(false);
    expect((await rows('portal-tpl'))[0]).toMatchObject({ status: 'pending', note: null, reason: null });
    expect((await sendJobs('portal-tpl')).map((j) => j.status)).toEqual(['dead', 'pending']);
    expect(await listFailedReminders(db.kysely, 'portal-tpl', 'es')).toEqual([]);
    await providers.close();
  });
});
