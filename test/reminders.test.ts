import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../server/jobs/worker.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { planReminders } from '../server/reminders/plan.js';
import { saveProductRules } from '../server/reminders/product-rules-repo.js';
import { saveReminderSettings } from '../server/reminders/settings-repo.js';
import { sampleTerms } from './support/sample-terms.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// The production sender in the emulator: the app installed over HTTP (with the im scope), a deal with
// a responsible user, a reminder planned and sent by the app's own job table — the employee gets one
// im.notify.system.add, and a second plan and drain add none; a loan whose product says "a to-do, three
// days before" gets one crm.activity.todo.add for the responsible instead.

let p: Platform;
let portalId: string;

beforeAll(async () => {
  p = await startPlatform();
  portalId = await p.install();
}, 60_000);
afterAll(async () => {
  await p?.close();
});

/** The nightly plan run twice at one instant, the outbox drained after each: one reminder, then none. */
async function planOnceThenAgain(at: Date): Promise<void> {
  const worker = new OutboxWorker({
    db: p.db.kysely,
    dialect: p.db.dialect,
    log: p.a.app.log,
    getPortalClient: (id) => p.a.app.getPortalClient(id),
    handlers: p.a.app.jobHandlers,
  });
  expect(await planReminders(p.db.kysely, portalId, at)).toBe(1);
  await worker.drain();
  expect(await planReminders(p.db.kysely, portalId, at)).toBe(0);
  await worker.drain();
}

describe('reminders in the emulator', () => {
  it('notifies the deal’s responsible once, in the portal’s language', async () => {
    const deal = p.em.createDeal({ TITLE: 'Reminder', ASSIGNED_BY_ID: 1 });
    const dealId = Number(deal.ID ?? deal.id);
    await saveLoan(p.db.kysely, portalId, dealId, { terms: sampleTerms(6) }, { userId: 1 }, defaultLoanDeps());
    await saveReminderSettings(
      p.db.kysely,
      portalId,
      { offsets: [-3], clientSms: false, employee: true, timeZone: 'Europe/Moscow', law: 'RU', smsProvider: null },
      1,
    );
    await planOnceThenAgain(new Date('2024-02-12T07:00:00Z'));
    const notes = p.em.state.notifications.filter((n) => n.tag?.startsWith('reminder:'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: 1 });
    expect(notes[0]!.message).toContain(`${dealId}`);
    const timeline = p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === dealId);
    expect(timeline.map((c) => c.comment)).toEqual(['Напоминание ответственному: платёж №1, правило employee:before-3']);
    const row = await p.db.kysely.selectFrom('reminders').select(['status']).where('portal_id', '=', portalId).executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });

  it('a product’s own rule sets a to-do in the deal for the responsible, once', async () => {
    const deal = p.em.createDeal({ TITLE: 'Reminder to-do', ASSIGNED_BY_ID: 1 });
    const dealId = Number(deal.ID ?? deal.id);
    await saveLoan(p.db.kysely, portalId, dealId, { terms: sampleTerms(6) }, { userId: 1 }, defaultLoanDeps());
    await p.db.kysely
      .updateTable('loans')
      .set({ product_id: 'pdl' })
      .where('portal_id', '=', portalId)
      .where('deal_id', '=', dealId)
      .execute();
    await saveProductRules(p.db.kysely, portalId, 'pdl', [{ offsetDays: -3, smsTemplate: null, employee: 'todo' }], 1);
    await planOnceThenAgain(new Date('2024-02-12T07:00:00Z'));
    const todos = p.em.state.todos.filter((t) => t.ownerId === dealId);
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({ ownerTypeId: 2, responsibleId: 1, title: `Скоро платёж №1 по сделке ${dealId}` });
    expect(p.em.state.notifications.filter((n) => n.message.includes(`сделке ${dealId}`))).toHaveLength(0);
  });
});
