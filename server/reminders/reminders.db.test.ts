import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { createTestDb } from '../../test/support/test-db.js';
import { sampleTerms } from '../../test/support/sample-terms.js';
import { OutboxWorker } from '../jobs/worker.js';
import { defaultLoanDeps } from '../loans/operations/deps.js';
import { registerPayment } from '../loans/operations/register-payment.js';
import { saveLoan } from '../loans/operations/save-loan.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { reminderJobEntries, requestReminderPlans, REMINDER_PLAN_JOB } from './jobs.js';
import { planReminders, REMINDER_SEND_JOB } from './plan.js';
import type { ReminderRow, ReminderSender } from './send.js';
import { saveReminderSettings } from './settings-repo.js';
import { saveProductRules } from './product-rules-repo.js';

// Same body on SQLite and PostgreSQL (TEST_DIALECT). Installment 1 of every sample loan is due
// Thursday 2024-02-15; the debtors are in Moscow (UTC+3); the sender records instead of sending.
const log = pino({ level: 'silent' });
let db: Db;
const sent: ReminderRow[] = [];
// Deals 501 and 502 are two loans of one person (contact 9); every other deal has no contact.
const contactOf: Record<number, number> = { 501: 9, 502: 9 };
const debtorAsked: number[] = [];
const sender: ReminderSender = {
  send: async (r) => void sent.push(r),
  debtorOf: async (r) => {
    debtorAsked.push(Number(r.deal_id));
    const c = contactOf[Number(r.deal_id)];
    return c ? `contact:${c}` : `deal:${Number(r.deal_id)}`;
  },
};
const clock = { at: new Date() };
const noPortal = async (): Promise<PortalClient> => {
  throw new Error('the recording sender needs no portal');
};
const worker = () =>
  new OutboxWorker({
    db: db.kysely,
    dialect: db.dialect,
    log,
    getPortalClient: noPortal,
    handlers: new Map(reminderJobEntries({ sender, now: () => clock.at })),
    batchSize: 50,
  });
const rows = (portalId: string) => db.kysely.selectFrom('reminders').selectAll().where('portal_id', '=', portalId).orderBy('key').execute();
const settings = { offsets: [-3, 0, 1], clientSms: true, employee: true, timeZone: 'Europe/Moscow', law: 'RU' as const, smsProvider: null };

beforeAll(async () => {
  db = await createTestDb();
  const deps = defaultLoanDeps({ now: () => new Date('2024-01-15T09:00:00Z') });
  for (const [portal, deal] of [
    ['portal-a', 101],
    ['portal-a', 102],
    ['portal-b', 201],
    ['portal-c', 301],
    ['portal-d', 401],
    ['portal-e', 501],
    ['portal-e', 502],
    ['portal-f', 601],
    ['portal-f', 602],
  ] as const) {
    await saveLoan(db.kysely, portal, deal, { terms: sampleTerms(6) }, { userId: 1 }, deps);
    await saveReminderSettings(db.kysely, portal, settings, 1);
  }
});
afterAll(async () => {
  await db?.close();
});

describe('reminders: plan and send', () => {
  it('no reminder twice across two runs and two workers', async () => {
    clock.at = new Date('2024-02-12T07:00:00Z'); // Monday 10:00 in Moscow, three days before the due date
    const counts = await Promise.all([planReminders(db.kysely, 'portal-a', clock.at), planReminders(db.kysely, 'portal-a', clock.at)]);
    expect(counts[0] + counts[1]).toBe(4); // two loans × (client SMS + employee) for rule −3
    expect(await planReminders(db.kysely, 'portal-a', clock.at)).toBe(0);
    const a = await rows('portal-a');
    expect(a.map((r) => r.rule_id).sort()).toEqual([
      'client_sms:before-3',
      'client_sms:before-3',
      'employee:before-3',
      'employee:before-3',
    ]);
    const jobs = await db.kysely
      .selectFrom('outbox_jobs')
      .select('idempotency_key')
      .where('kind', '=', REMINDER_SEND_JOB)
      .where('portal_id', '=', 'portal-a')
      .execute();
    expect(jobs).toHaveLength(4);

    await Promise.all([worker().runOnce(), worker().runOnce()]);
    await Promise.all([worker().runOnce(), worker().runOnce()]);
    const sentA = sent.filter((r) => r.portal_id === 'portal-a').map((r) => r.key);
    expect(sentA.sort()).toEqual(a.map((r) => r.key).sort());
    expect((await rows('portal-a')).every((r) => r.status === 'sent' && r.sent_at !== null)).toBe(true);
    // The next day's run: rule −3 is past, nothing is new; the plan job itself is one per portal and day.
    clock.at = new Date('2024-02-13T07:00:00Z');
    expect(await planReminders(db.kysely, 'portal-a', clock.at)).toBe(0);
    await Promise.all([requestReminderPlans(db.kysely, clock.at), requestReminderPlans(db.kysely, clock.at)]);
    const plans = await db.kysely.selectFrom('outbox_jobs').select('idempotency_key').where('kind', '=', REMINDER_PLAN_JOB).execute();
    expect(plans.map((p) => p.idempotency_key).sort()).toEqual([
      'reminders.plan:portal-a:2024-02-13',
      'reminders.plan:portal-b:2024-02-13',
      'reminders.plan:portal-c:2024-02-13',
      'reminders.plan:portal-d:2024-02-13',
      'reminders.plan:portal-e:2024-02-13',
      'reminders.plan:portal-f:2024-02-13',
    ]);
    // The later cases plan by hand at their own clock.
    await db.kysely.deleteFrom('outbox_jobs').where('kind', '=', REMINDER_PLAN_JOB).execute();
  });

  it('a payment booked before the send cancels the reminder', async () => {
    clock.at = new Date('2024-02-15T07:00:00Z'); // the due day, 10:00 in Moscow
    // Rule −3 was missed for this portal (no run three days before): it still fires on the due day.
    expect(await planReminders(db.kysely, 'portal-b', clock.at)).toBe(4);
    const deps = defaultLoanDeps({ now: () => clock.at });
    await registerPayment(db.kysely, 'portal-b', 201, { id: 'p-1', date: '2024-02-14', amount: '18000' }, { userId: 1 }, deps);
    await worker().runOnce();
    const b = await rows('portal-b');
    expect(b.map((r) => [r.rule_id, r.status, r.note]).sort()).toEqual([
      ['client_sms:before-3', 'cancelled', 'paid'],
      ['client_sms:due', 'cancelled', 'paid'],
      ['employee:before-3', 'cancelled', 'paid'],
      ['employee:due', 'cancelled', 'paid'],
    ]);
    expect(sent.filter((r) => r.portal_id === 'portal-b')).toEqual([]);
  });

  it('an overdue SMS at night is postponed to the morning, not dropped; the employee is told at once', async () => {
    clock.at = new Date('2024-02-16T20:30:00Z'); // Friday 23:30 in Moscow, a day after the due date
    expect(await planReminders(db.kysely, 'portal-c', clock.at)).toBe(2);
    await worker().runOnce();
    const c = await rows('portal-c');
    const sms = c.find((r) => r.channel === 'client_sms')!;
    expect(sms.status).toBe('pending');
    // Saturday is a weekend: 09:00 Moscow = 06:00 UTC.
    const morning = new Date('2024-02-17T06:00:00Z').getTime();
    expect(Number(sms.not_before)).toBe(morning);
    expect(c.find((r) => r.channel === 'employee')!.status).toBe('sent');
    const again = await db.kysely
      .selectFrom('outbox_jobs')
      .select(['run_after', 'status'])
      .where('idempotency_key', '=', `${REMINDER_SEND_JOB}:portal-c:${sms.key}:at:${morning}`)
      .executeTakeFirstOrThrow();
    expect(Number(again.run_after)).toBe(morning);
    // In the morning the postponed job sends it, once.
    clock.at = new Date(morning);
    await worker().runOnce();
    await worker().runOnce();
    expect(sent.filter((r) => r.key === sms.key)).toHaveLength(1);
    expect((await rows('portal-c')).find((r) => r.key === sms.key)!.status).toBe('sent');
  });

  it('two workers keep to 230-FZ: three overdue SMS of one debtor on one day, two sent, the third postponed', async () => {
    clock.at = new Date('2024-04-22T07:00:00Z'); // Monday 10:00 in Moscow; installments 1–3 are overdue
    await saveReminderSettings(db.kysely, 'portal-d', { ...settings, employee: false }, 1);
    expect(await planReminders(db.kysely, 'portal-d', clock.at)).toBe(3);
    await Promise.all([worker().runOnce(), worker().runOnce(), worker().runOnce()]);
    const d = await rows('portal-d');
    expect(d.filter((r) => r.status === 'sent')).toHaveLength(2);
    const later = d.find((r) => r.status === 'pending')!;
    expect(later.note).toMatch(/^postponed \(limit/);
    // 24 h after the first two (the rolling reading of "a day"): Tuesday 10:00 in Moscow.
    expect(Number(later.not_before)).toBe(new Date('2024-04-23T07:00:00Z').getTime());
    expect(sent.filter((r) => r.portal_id === 'portal-d')).toHaveLength(2);
  });

  it('230-FZ counts per debtor: two loans of one contact, four overdue SMS on one day — two sent, two postponed', async () => {
    clock.at = new Date('2024-03-18T07:00:00Z'); // Monday 10:00 in Moscow; installments 1 and 2 are overdue
    await saveReminderSettings(db.kysely, 'portal-e', { ...settings, offsets: [1], employee: false }, 1);
    expect(await planReminders(db.kysely, 'portal-e', clock.at)).toBe(4);
    await Promise.all([worker().runOnce(), worker().runOnce(), worker().runOnce()]);
    const e = await rows('portal-e');
    expect(e.every((r) => r.debtor === 'contact:9')).toBe(true);
    const sentE = e.filter((r) => r.status === 'sent');
    expect(sentE).toHaveLength(2);
    expect(e.filter((r) => r.status === 'pending').every((r) => r.note?.startsWith('postponed (limit'))).toBe(true);
    // The next day the two postponed ones go; the debtor is known by then — no deal read again.
    const asked = debtorAsked.length;
    clock.at = new Date('2024-03-19T07:00:00Z');
    await worker().runOnce();
    expect((await rows('portal-e')).filter((r) => r.status === 'sent')).toHaveLength(4);
    expect(debtorAsked.length).toBe(asked);
  });

  it("a loan follows its product's own rules: a to-do for the employee and the product's SMS template; other loans the portal's", async () => {
    await saveReminderSettings(db.kysely, 'portal-f', { ...settings, offsets: [-3], employee: false }, 1);
    await db.kysely
      .updateTable('loans')
      .set({ product_id: 'pdl' })
      .where('portal_id', '=', 'portal-f')
      .where('deal_id', '=', 601)
      .execute();
    await saveProductRules(
      db.kysely,
      'portal-f',
      'pdl',
      [{ offsetDays: -1, smsTemplate: 'payment-reminder-translit', employee: 'todo' }],
      1,
    );
    clock.at = new Date('2024-02-14T07:00:00Z'); // the day before the due date, 10:00 in Moscow
    expect(await planReminders(db.kysely, 'portal-f', clock.at)).toBe(3);
    const f = await rows('portal-f');
    const byDeal = (deal: number) => f.filter((r) => Number(r.deal_id) === deal).map((r) => [r.rule_id, r.template, r.via]);
    expect(byDeal(601).sort()).toEqual([
      ['client_sms:before-1', 'payment-reminder-translit', null],
      ['employee:before-1', null, 'todo'],
    ]);
    // Rule −3 of the portal was missed for deal 602 (no run on the 12th): it still fires before the due date.
    expect(byDeal(602)).toEqual([['client_sms:before-3', null, null]]);
  });
});
