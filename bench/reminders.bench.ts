// Issue 14 item 4: the nightly reminder plan of one portal with 100,000 installments (target ≤ 60 s).
// 8,334 loans × 12 monthly installments on SQLite in memory; one loan is saved through the app, the
// rest are copies of its rows (set-up, not measured). The run plans the due day of installment 1 with
// the rules −3, 0, 1, 3, 7, 30 for the client's SMS: servicing of every loan, the recorded keys read,
// the reminders inserted and one send job each. Every other loan is of a product with its own rules
// (−1 and 0 by SMS, 1 by SMS and a to-do for the employee), so both rule sources are planned. REST
// calls: none — planning never calls the portal. The sends then run against the emulator at the
// portal's 2 req/s, SAMPLED (bench/reminder-sends.ts: a few dozen loans, not 100,000 — at 2 req/s the
// whole night would take hours), and the per-reminder figure projects the night's run.
// BENCH_REMINDER_INSTALLMENTS=n for a shorter plan; BENCH_REMINDER_SENDS=n loans in the send sample.
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { defaultLoanDeps } from '../server/loans/operations/deps.js';
import { saveLoan } from '../server/loans/operations/save-loan.js';
import { planReminders } from '../server/reminders/plan.js';
import { saveProductRules } from '../server/reminders/product-rules-repo.js';
import { saveReminderSettings } from '../server/reminders/settings-repo.js';
import { sampleTerms } from '../test/support/sample-terms.js';
import { remindersSendBench } from './reminder-sends.js';

const P = 'bench-portal';
const TARGET_S = 60;

export default async function remindersBench(): Promise<void> {
  const installments = Number(process.env.BENCH_REMINDER_INSTALLMENTS ?? 100_000);
  const loans = Math.ceil(installments / 12);
  const db = createDb('sqlite::memory:');
  await migrateToLatest(db.kysely);
  let planned = 0;
  try {
    const deps = defaultLoanDeps({ now: () => new Date('2024-01-15T09:00:00Z') });
    await saveLoan(db.kysely, P, 1, { terms: sampleTerms(12) }, { userId: 1 }, deps);
    const loan = await db.kysely.selectFrom('loans').selectAll().where('portal_id', '=', P).executeTakeFirstOrThrow();
    const version = await db.kysely.selectFrom('schedule_versions').selectAll().where('portal_id', '=', P).executeTakeFirstOrThrow();
    const ledger = await db.kysely.selectFrom('ledger_entries').selectAll().where('portal_id', '=', P).execute();
    for (let from = 2; from <= loans; from += 200) {
      const ids = Array.from({ length: Math.min(200, loans - from + 1) }, (_, i) => from + i);
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('loans')
          .values(ids.map((d) => ({ ...loan, id: `loan-${d}`, deal_id: d, product_id: d % 2 === 0 ? 'own-rules' : loan.product_id })))
          .execute();
        await trx
          .insertInto('schedule_versions')
          .values(ids.map((d) => ({ ...version, loan_id: `loan-${d}` })))
          .execute();
        if (ledger.length > 0)
          await trx
            .insertInto('ledger_entries')
            .values(ids.flatMap((d) => ledger.map((e) => ({ ...e, id: `${e.id}-${d}`, loan_id: `loan-${d}` }))))
            .execute();
      });
    }
    await saveReminderSettings(
      db.kysely,
      P,
      { offsets: [-3, 0, 1, 3, 7, 30], clientSms: true, employee: false, timeZone: 'Europe/Moscow', law: 'RU', smsProvider: null },
      1,
    );
    await saveProductRules(
      db.kysely,
      P,
      'own-rules',
      [
        { offsetDays: -1, smsTemplate: 'payment-reminder', employee: null },
        { offsetDays: 0, smsTemplate: 'payment-reminder', employee: null },
        { offsetDays: 1, smsTemplate: 'overdue-notice', employee: 'todo' },
      ],
      1,
    );
    const t0 = performance.now();
    const created = await planReminders(db.kysely, P, new Date('2024-02-15T07:00:00Z'));
    const s = (performance.now() - t0) / 1000;
    const again0 = performance.now();
    const repeat = await planReminders(db.kysely, P, new Date('2024-02-15T07:00:00Z'));
    const againS = (performance.now() - again0) / 1000;
    console.log(
      `reminder plan, ${loans * 12} installments (${loans} loans): ${s.toFixed(1)} s (target ≤ ${TARGET_S} s), ${created} reminders + send jobs`,
    );
    console.log(`the same day again: ${againS.toFixed(1)} s, ${repeat} new; REST calls while planning: 0`);
    planned = created;
  } finally {
    await db.close();
  }
  await remindersSendBench(planned, loans * 12);
}
