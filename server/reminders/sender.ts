import { loadDealContext } from '../activities/deal-context.js';
import type { ActivityDeps } from '../activities/deps.js';
import { languageFor } from '../activities/sms-templates.js';
import { smsText } from '../activities/sms-text.js';
import { AppError } from '../errors.js';
import { enqueueSmsSend, requestSms } from '../integrations/sms/sending/index.js';
import { dealReads, type DealReads } from './deal-reads.js';
import { localTime } from './local-time.js';
import { portalWrites, type PortalWrites } from './write-batch.js';
import { ReminderFailedError, type ReminderSender } from './send.js';

// The production sender of reminders. To the client: the catalogue's payment-reminder (before and on
// the due date) or overdue-notice (after) with the deal's variables, stored by requestSms under the
// reminder's key (so a retry never sends twice) and handed to the portal's SMS provider through the
// sms.send job. To the employee: im.notify.system.add to the deal's responsible
// (docs: api-reference/chats/notifications/im-notify-system-add.md — USER_ID, MESSAGE; app auth only).
// Portal calls are batched with the other sends of the tick: the deal and contact reads (deal-reads.ts),
// the notifications, to-dos and timeline comments (write-batch.ts) — a `batch` runs under the app's auth.

type Lang = 'ru' | 'en' | 'es';

/** A reminder to-do is due within a working day of being set. */
const TODO_DEADLINE_MS = 24 * 3600_000;

// The timeline entry of every contact (issue 14: "every contact is logged on the deal timeline"):
// doc api-reference/crm/timeline/comments/crm-timeline-comment-add.md. A retry after a crash between
// the send and this call logs it again — a log line twice rather than a contact unlogged.
const LOGGED = {
  ru: (channel: string, n: number, rule: string) =>
    `${channel === 'employee' ? 'Напоминание ответственному' : 'SMS-напоминание клиенту'}: платёж №${n}, правило ${rule}`,
  en: (channel: string, n: number, rule: string) =>
    `${channel === 'employee' ? 'Reminder to the responsible' : 'SMS reminder to the client'}: installment ${n}, rule ${rule}`,
  es: (channel: string, n: number, rule: string) =>
    `${channel === 'employee' ? 'Recordatorio al responsable' : 'Recordatorio SMS al cliente'}: cuota ${n}, regla ${rule}`,
};

const MESSAGES = {
  ru: (deal: number, n: number, overdue: boolean) =>
    overdue ? `Просрочен платёж №${n} по сделке ${deal}` : `Скоро платёж №${n} по сделке ${deal}`,
  en: (deal: number, n: number, overdue: boolean) =>
    overdue ? `Installment ${n} of deal ${deal} is overdue` : `Installment ${n} of deal ${deal} is due soon`,
  es: (deal: number, n: number, overdue: boolean) =>
    overdue ? `La cuota ${n} del trato ${deal} está vencida` : `La cuota ${n} del trato ${deal} vence pronto`,
};

/** The reminder cannot go as it stands: its reason, in the portal's language, for the reminder's note. */
const failed = (e: AppError, lang: Lang): ReminderFailedError => new ReminderFailedError(e.message, e.textFor(lang), e.reason);

export function reminderSender(
  deps: Pick<ActivityDeps, 'providers'>,
  reads: DealReads = dealReads(),
  writes: PortalWrites = portalWrites(),
): ReminderSender {
  return {
    async send(r, settings, ctx) {
      const b24 = await ctx.portal();
      const dealId = Number(r.deal_id);
      const at = Number(r.sent_at ?? r.not_before); // the send's own clock (its reservation)
      const overdue = Number(r.overdue) === 1;
      const portalSettings = await deps.providers.settingsOf(r.portal_id);
      const lang: Lang = settings.law === 'MX' ? 'es' : portalSettings?.language === 'en' ? 'en' : 'ru';
      const logged = () =>
        writes.call(ctx, r.portal_id, 'crm.timeline.comment.add', {
          fields: { ENTITY_ID: dealId, ENTITY_TYPE: 'deal', COMMENT: LOGGED[lang](r.channel, Number(r.installment), r.rule_id) },
        });
      if (r.channel === 'employee') {
        const { deal } = await reads.read(ctx, r.portal_id, dealId, at);
        const userId = Number(deal.ASSIGNED_BY_ID ?? 0);
        if (!userId) throw failed(new AppError('VALIDATION', `deal ${dealId} has no responsible`, { key: 'DEAL_NO_RESPONSIBLE' }), lang);
        const message = MESSAGES[lang](dealId, Number(r.installment), overdue);
        if (r.via === 'todo')
          await writes.call(ctx, r.portal_id, 'crm.activity.todo.add', {
            ownerTypeId: 2,
            ownerId: dealId,
            deadline: new Date(Number(r.sent_at ?? Date.now()) + TODO_DEADLINE_MS).toISOString(),
            title: message,
            description: LOGGED[lang](r.channel, Number(r.installment), r.rule_id),
            responsibleId: userId,
          });
        else
          await writes.call(ctx, r.portal_id, 'im.notify.system.add', {
            USER_ID: userId,
            MESSAGE: message,
            TAG: `reminder:${r.key}`,
          });
        await logged();
        return;
      }
      const today = localTime(new Date(), settings.timeZone).day;
      const dc = await loadDealContext(b24, ctx.db, r.portal_id, dealId, today, await reads.read(ctx, r.portal_id, dealId, at));
      if (!dc.phone) throw failed(new AppError('VALIDATION', `deal ${dealId} has no phone`, { key: 'DEAL_NO_PHONE' }), lang);
      try {
        const provider = await deps.providers.sms(r.portal_id); // none configured: the same, the admin's to fix
        // A template that cannot be written (overdue-notice needs company_name and the lender has
        // none) is the lender's to fix, not a retry's: refused here, recorded on the reminder.
        const text = smsText({
          template: r.template ?? (overdue ? 'overdue-notice' : 'payment-reminder'),
          text: '',
          language: languageFor(dc.phone, portalSettings?.language),
          context: dc,
          ...(portalSettings?.companyName ? { companyName: portalSettings.companyName } : {}),
        });
        await requestSms(
          ctx.db,
          r.portal_id,
          { key: `reminder:${r.key}`, to: dc.phone, text, provider: provider.code, context: { source: 'reminder', key: r.key } },
          { limit: provider.limit, onCreated: async (trx, s) => void (await enqueueSmsSend(trx, s)) },
        );
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // A retry whose text came out different (the balance moved since): the SMS under this
        // reminder's key was already handed over — the contact was made, log it.
        if (e.code !== 'IDEMPOTENCY_MISMATCH') throw failed(e, lang);
      }
      await logged();
    },
    async debtorOf(r, ctx) {
      // docs: api-reference/crm/deals/crm-deal-get.md — CONTACT_ID, the deal's main contact (the debtor);
      // read with the tick's other deals (deal-reads.ts).
      const { deal } = await reads.read(ctx, r.portal_id, Number(r.deal_id), Number(r.not_before));
      const contactId = Number(deal.CONTACT_ID ?? 0);
      return contactId > 0 ? `contact:${contactId}` : `deal:${Number(r.deal_id)}`;
    },
  };
}
