// 230-FZ counts per debtor, as production finds the debtor: two loans (two deals) of one contact in
// the emulator, the app installed over HTTP, overdue SMS planned by the app's own job table and sent
// through SMPP to a local SMSC. The debtor comes from the documented crm.deal.get CONTACT_ID (docs:
// api-reference/crm/deals/crm-deal-get.md), so four overdue reminders on one day for one person
// become two SMS that day (≤ 2 a day) and two the next — none dropped.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { planReminders } from '../server/reminders/plan.js';
import { saveReminderSettings } from '../server/reminders/settings-repo.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';
import { appWorker } from './support/app-jobs.js';
import { sampleTerms } from './support/sample-terms.js';

let w: ActivityWorld;

// The test's Monday: the first one after today, 07:00 UTC (10:00 in Moscow, within 230-FZ hours on a
// working day and on a holiday). Near the real clock, so the OAuth tokens' own timers stay sane.
const DAY = 24 * 3600_000;
const monday = (() => {
  const d = new Date();
  d.setUTCHours(7, 0, 0, 0);
  do d.setTime(d.getTime() + DAY);
  while (d.getUTCDay() !== 1);
  return d;
})();
const dayOf = (offsetDays: number) => new Date(monday.getTime() + offsetDays * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  // The overdue notice signs with the lender's name (PUT /api/v1/settings/lender).
  w = await startActivityWorld({ companyName: () => 'Быстрозайм' });
}, 60_000);
afterAll(async () => {
  vi.useRealTimers();
  await w?.close();
});

describe('reminders per debtor in the emulator', () => {
  it('two deals of one contact: four overdue SMS on one day — two sent that day, two the next', async () => {
    const { p, portalId } = w;
    const contactId = await p.portalCall<number>('crm.contact.add', {
      fields: { NAME: 'Иван', LAST_NAME: 'Петров', PHONE: [{ VALUE: '+7 916 123-45-67', VALUE_TYPE: 'MOBILE' }] },
    });
    const deals: number[] = [];
    for (const title of ['Заём 1', 'Заём 2']) {
      const dealId = await p.portalCall<number>('crm.deal.add', {
        fields: { TITLE: title, CONTACT_ID: contactId, CURRENCY_ID: 'RUB', OPPORTUNITY: '15000', ASSIGNED_BY_ID: 1 },
      });
      // Monthly from 40 days before Monday: installments 1 and 2 are overdue on Monday, 3 is not due.
      const start = dayOf(-71);
      const terms = sampleTerms(6, { contractDate: start, disbursementDate: start, firstDueDate: dayOf(-40) });
      const deps = defaultLoanDeps({ now: () => new Date(`${start}T09:00:00Z`) });
      await saveLoan(p.db.kysely, portalId, dealId, { terms }, { userId: 1 }, deps);
      deals.push(dealId);
    }
    await saveReminderSettings(
      p.db.kysely,
      portalId,
      { offsets: [1], clientSms: true, employee: false, timeZone: 'Europe/Moscow', law: 'RU', smsProvider: null },
      1,
    );
    // One clock for the job table and the jobs, as in production: a postponed send waits for its hour.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(monday);
    const worker = appWorker(p);
    const rows = () => p.db.kysely.selectFrom('reminders').selectAll().where('portal_id', '=', portalId).execute();

    expect(await planReminders(p.db.kysely, portalId, new Date())).toBe(4);
    await worker.drain();
    const first = await rows();
    expect(first.map((r) => r.debtor)).toEqual(Array(4).fill(`contact:${contactId}`));
    expect(first.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(first.filter((r) => r.status === 'pending').every((r) => r.note?.startsWith('postponed (limit'))).toBe(true);
    expect(w.smsc.messages()).toHaveLength(2);

    await worker.drain();
    expect(w.smsc.messages()).toHaveLength(2); // still Monday: nothing more
    // Tuesday 10:00 in Moscow: the postponed two go, and nothing twice.
    vi.setSystemTime(new Date(monday.getTime() + DAY));
    await worker.drain();
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
    expect(w.smsc.messages()).toHaveLength(4);
    expect(w.smsc.messages().every((m) => m.to.replace(/\D/g, '').endsWith('79161234567'))).toBe(true);
    // Every contact is on its deal's timeline.
    for (const dealId of deals) {
      const logged = p.em.state.timeline.filter((c) => c.entityType === 'deal' && c.entityId === dealId);
      expect(logged.map((c) => c.comment).filter((c) => c.startsWith('SMS-напоминание клиенту'))).toHaveLength(2);
    }
  });
});
