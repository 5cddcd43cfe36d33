import type { ActivityDeps } from '../../activities/deps.js';
import { PermanentJobError, type Job, type JobContext } from '../../jobs/job.js';
import { readDeal } from '../../lifecycle/deal-reader.js';
import { refusalText, type ReasonLang } from '../../../templates/mail/refusal-reasons.js';
import type { TodoPayload } from './kinds.js';
import { getReply } from './reply-repo.js';

// A to-do for the deal's responsible when a bank's reply waits in the review queue
// (`mail.reply.todo`). doc: api-reference/crm/timeline/activities/todo/crm-activity-todo-add.md —
// ownerTypeId 2 (deal), ownerId, deadline (required), title, description, responsibleId. The portal
// has no key for to-dos: a rerun after a crash between the call and 'done' makes a second one.

const DEADLINE_MS = 24 * 3600_000;

const TITLE: Record<ReasonLang, string> = {
  ru: 'Проверьте ответ банка в очереди проверки',
  en: 'Review the bank’s reply in the review queue',
  es: 'Revise la respuesta del banco en la cola de revisión',
};

const WHY: Record<ReasonLang, string> = {
  ru: 'Письмо не применено автоматически',
  en: 'The reply was not applied by itself',
  es: 'La respuesta no se aplicó automáticamente',
};

export function todoJob(deps: { providers: ActivityDeps['providers']; now: () => Date }) {
  return async (job: Job<TodoPayload>, ctx: JobContext): Promise<void> => {
    const portalId = job.portalId;
    if (!portalId) throw new PermanentJobError('todo job without portal');
    const reply = await getReply(ctx.db, portalId, job.payload.replyId);
    if (!reply || reply.status !== 'pending' || reply.dealId === null) return;
    const lang = ((await deps.providers.settingsOf(portalId))?.language ?? 'en') as ReasonLang;
    const l: ReasonLang = lang === 'ru' || lang === 'es' ? lang : 'en';
    const b24 = await ctx.portal();
    const deal = await readDeal(b24, reply.dealId);
    if (!deal) return; // deleted meanwhile: the reply waits in the app page's queue alone
    const reasons = reply.reasons.map((r) => `• ${refusalText(r, l)}`).join('\n');
    await b24.call('crm.activity.todo.add', {
      ownerTypeId: 2,
      ownerId: reply.dealId,
      deadline: new Date(deps.now().getTime() + DEADLINE_MS).toISOString(),
      title: TITLE[l],
      description: `${WHY[l]}: «${reply.subject}» (${reply.fromAddress ?? '—'})\n${reasons}`,
      responsibleId: Number(deal.fields.ASSIGNED_BY_ID ?? 1),
    });
  };
}
