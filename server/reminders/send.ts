import type { Selectable } from 'kysely';
import { PermanentJobError, RetryLaterError, type JobContext, type JobHandler } from '../jobs/job.js';
import { enqueue } from '../jobs/outbox.js';
import type { StoredReason } from '../errors.js';
import { lockActiveLoan } from '../loans/loan-repo.js';
import { loadLoanState, servicingOf } from '../loans/operations/loan-state.js';
import {
  checkContact,
  MX_CONDUSEF_HOURS,
  quietHours,
  type ContactRules,
  RU_230FZ_MESSAGES,
  russianCalendar,
  weekendsOnly,
  type ContactContext,
} from './contact-law.js';
import { localTime } from './local-time.js';
import { movedDays } from './ru-calendar.js';
import { REMINDER_SEND_JOB, reminderSendKey, type ReminderSendPayload } from './plan.js';
import { getReminderSettings, type ReminderSettings } from './settings-repo.js';
import type { RemindersTable } from './tables.js';

// The send job of one reminder. Order matters: (1) still pending? (2) still owed — a payment booked
// first cancels it; (3) the contact law — a reminder it forbids now is postponed (not_before, and a
// new job keyed by that instant), never dropped; (4) the contact is reserved (status 'sent', sent_at)
// by compare-and-set, so two workers cannot both send and the next check counts it; (5) the send.
// An SMS is keyed by the reminder's key, so a retry after a crash in (5) resends nothing twice.
// A postponed job that runs before its instant (a worker whose clock is behind the one that postponed
// it) finds its own key taken: it waits for that instant itself (RetryLaterError), else the reminder
// would stay pending with no job. A send the sender refuses as it stands (ReminderFailedError) gives
// the reservation back — nothing was sent, nothing counts — and the reminder is 'failed' with the reason.
// The 230-FZ counts are per DEBTOR — the deal's contact, across all their loans — so (3) and (4) run
// under a lock of the debtor's row (reminder_debtors), and count every reminder sent to that debtor.

export type ReminderRow = Selectable<RemindersTable>;

/** Delivers one reminder: to the client by SMS or to the deal's responsible employee. */
export interface ReminderSender {
  send(reminder: ReminderRow, settings: ReminderSettings, ctx: JobContext): Promise<void>;
  /** Whom the contact law counts the reminder against: "contact:<id>", or "deal:<id>" when the deal has no contact. */
  debtorOf(reminder: ReminderRow, ctx: JobContext): Promise<string>;
}

/** The reminder cannot go as it stands (no phone, a template value missing): not retried, never a contact. */
export class ReminderFailedError extends PermanentJobError {
  override name = 'ReminderFailedError';
  constructor(
    message: string,
    /** Why, in the portal's language: the reminder's note. */
    readonly reason: string,
    /** The same as data, for the app page to read in each user's language. */
    readonly stored?: StoredReason,
  ) {
    super(message);
  }
}

/** A postponed job early by less than this waits this long (the wait is re-checked, never trusted). */
const MIN_WAIT_MS = 1000;

export interface ReminderSendDeps {
  sender: ReminderSender;
  now: () => Date;
}

/** The rules for this reminder: the collection limits apply to a client's message about an overdue debt. */
export function contactContext(r: ReminderRow, s: ReminderSettings, past: readonly Date[]): ContactContext | null {
  if (r.channel === 'employee') return null; // the employee is not the debtor: no contact law
  if (s.law === 'MX') {
    const rules: ContactRules = s.quietHours
      ? quietHours(s.quietHours.fromMinute, s.quietHours.toMinute, 'horario del portal (CONDUSEF)')
      : MX_CONDUSEF_HOURS;
    return { rules, calendar: weekendsOnly, timeZone: s.timeZone, past: [] };
  }
  const calendar = russianCalendar(movedDays(s.holidays));
  if (Number(r.overdue) === 1) return { rules: RU_230FZ_MESSAGES, calendar, timeZone: s.timeZone, past };
  // Not about a debt yet: the same hours as a courtesy, no count limits.
  const hours = {
    ...quietHours(0, 0, '230-FZ hours (courtesy)'),
    workingDay: RU_230FZ_MESSAGES.workingDay,
    nonWorkingDay: RU_230FZ_MESSAGES.nonWorkingDay,
  };
  return { rules: hours, calendar, timeZone: s.timeZone, past: [] };
}

/** Does the law count this reminder (so its debtor must be known and locked)? */
const counted = (r: ReminderRow, s: ReminderSettings): boolean => s.law === 'RU' && r.channel === 'client_sms' && Number(r.overdue) === 1;

/** The debtor of a reminder: the one already found for its loan, else the sender's answer (one REST read per loan). */
async function debtorOf(deps: ReminderSendDeps, r: ReminderRow, ctx: JobContext): Promise<string> {
  if (r.debtor) return r.debtor;
  const known = await ctx.db
    .selectFrom('reminders')
    .select('debtor')
    .where('portal_id', '=', r.portal_id)
    .where('loan_id', '=', r.loan_id)
    .where('debtor', 'is not', null)
    .executeTakeFirst();
  return known?.debtor ?? deps.sender.debtorOf(r, ctx);
}

async function setStatus(ctx: JobContext, r: ReminderRow, status: 'cancelled' | 'skipped', note: string): Promise<void> {
  await ctx.db
    .updateTable('reminders')
    .set({ status, note })
    .where('portal_id', '=', r.portal_id)
    .where('key', '=', r.key)
    .where('status', '=', 'pending')
    .execute();
}

export function reminderSendJob(deps: ReminderSendDeps): JobHandler<ReminderSendPayload> {
  return async (job, ctx) => {
    const portalId = job.portalId!;
    const r = await ctx.db
      .selectFrom('reminders')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('key', '=', job.payload.key)
      .executeTakeFirst();
    if (!r || r.status === 'cancelled' || r.status === 'skipped' || r.status === 'failed') return;
    const settings = await getReminderSettings(ctx.db, portalId);
    if (!settings) return setStatus(ctx, r, 'skipped', 'reminders switched off');
    if (r.status === 'sent') {
      // A retry after the reservation: only the SMS (keyed by the reminder) may be handed over again.
      if (r.channel === 'client_sms') await deliver(deps, r, settings, ctx);
      return;
    }
    const now = deps.now();
    const state = await loadLoanState(ctx.db, portalId, r.loan_id);
    const today = localTime(now, settings.timeZone).day;
    const inst =
      state && state.loan.status === 'ACTIVE' ? servicingOf(state, today).installments.find((i) => i.n === r.installment) : undefined;
    if (!inst || inst.status === 'paid') return setStatus(ctx, r, 'cancelled', 'paid');

    const debtor = counted(r, settings) ? await debtorOf(deps, r, ctx) : null;
    // The count limits are per debtor: the law check and the reservation run under the debtor's row
    // lock (an upsert, first in the transaction), so two workers sending reminders of two loans of
    // one person see each other's contact; the loan's row lock tells a loan closed meanwhile.
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      if (debtor !== null)
        await trx
          .insertInto('reminder_debtors')
          .values({ portal_id: portalId, debtor, touched_at: now.getTime() })
          .onConflict((oc) => oc.columns(['portal_id', 'debtor']).doUpdateSet({ touched_at: now.getTime() }))
          .execute();
      if (!(await lockActiveLoan(trx, portalId, r.loan_id))) return 'closed' as const;
      const past =
        debtor === null
          ? []
          : (
              await trx
                .selectFrom('reminders')
                .select('sent_at')
                .where('portal_id', '=', portalId)
                .where('debtor', '=', debtor)
                .where('channel', '=', 'client_sms')
                .where('overdue', '=', 1)
                .where('sent_at', 'is not', null)
                .execute()
            ).map((x) => new Date(Number(x.sent_at)));
      const law = contactContext(r, settings, past);
      const verdict = law ? checkContact(law, now) : ({ allowed: true } as const);
      if (!verdict.allowed) {
        const at = verdict.notBefore.getTime();
        await trx
          .updateTable('reminders')
          .set({ not_before: at, note: `postponed (${verdict.reason}, ${law!.rules.name})`, debtor })
          .where('portal_id', '=', portalId)
          .where('key', '=', r.key)
          .where('status', '=', 'pending')
          .execute();
        const { created } = await enqueue(trx, {
          portalId,
          kind: REMINDER_SEND_JOB,
          idempotencyKey: reminderSendKey(portalId, r.key, at),
          payload: { key: r.key },
          runAfterMs: at,
        });
        // Not created: this very job, run before its instant — or a twin of it; either way the
        // reminder must not be left without a job that runs at `at`, so this one waits for it.
        return created ? ('postponed' as const) : { waitMs: Math.max(MIN_WAIT_MS, at - now.getTime()) };
      }
      const reserved = await trx
        .updateTable('reminders')
        .set({ status: 'sent', sent_at: now.getTime(), note: null, debtor })
        .where('portal_id', '=', portalId)
        .where('key', '=', r.key)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(reserved.numUpdatedRows) === 1 ? ('reserved' as const) : ('taken' as const);
    });
    if (outcome === 'closed') return setStatus(ctx, r, 'cancelled', 'loan closed');
    if (typeof outcome === 'object')
      throw new RetryLaterError(outcome.waitMs, `reminder ${r.key} not before ${new Date(now.getTime() + outcome.waitMs).toISOString()}`);
    if (outcome !== 'reserved') return; // postponed, or another worker has it
    await deliver(deps, { ...r, status: 'sent', sent_at: now.getTime(), debtor }, settings, ctx);
  };
}

/** The send of a reserved reminder; a refusal gives the reservation back as 'failed' with its reason. */
async function deliver(deps: ReminderSendDeps, r: ReminderRow, settings: ReminderSettings, ctx: JobContext): Promise<void> {
  try {
    await deps.sender.send(r, settings, ctx);
  } catch (e) {
    if (e instanceof ReminderFailedError)
      await ctx.db
        .updateTable('reminders')
        .set({ status: 'failed', sent_at: null, note: e.reason.slice(0, 500), reason: e.stored ? JSON.stringify(e.stored) : null })
        .where('portal_id', '=', r.portal_id)
        .where('key', '=', r.key)
        .where('status', '=', 'sent')
        .execute();
    throw e; // dead at once (a PermanentJobError), its message in the job's last_error
  }
}
