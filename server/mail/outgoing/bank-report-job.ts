import type { Lang } from '../../errors.js';
import { addCommentOnce } from '../../lifecycle/timeline-comment.js';
import { PermanentJobError, type JobHandler } from '../../jobs/job.js';
import type { SecretBox } from '../../security/crypto.js';
import { getBankMessage, openContent } from './bank-messages-repo.js';

// The job that says on the deal's timeline what a delivery report (DSN or bounce) said about a
// message to a bank (`mail.bank.report`, queued by inbox/delivery-report-record.ts once per message
// when its status moves). Timeline: doc api-reference/crm/timeline/comments/crm-timeline-comment-add.md
// (fields ENTITY_ID, ENTITY_TYPE "deal", COMMENT).

const DELIVERED: Record<Lang, (to: string, report: string) => string> = {
  en: (to, report) => `E-mail to the bank delivered to ${to}. Report: ${report}`,
  ru: (to, report) => `Письмо в банк доставлено на ${to}. Отчёт: ${report}`,
  es: (to, report) => `Correo al banco entregado a ${to}. Informe: ${report}`,
};
const BOUNCED: Record<Lang, (to: string, report: string) => string> = {
  en: (to, report) => `E-mail to the bank (${to}) was not delivered: ${report}`,
  ru: (to, report) => `Письмо в банк (${to}) не доставлено: ${report}`,
  es: (to, report) => `El correo al banco (${to}) no se entregó: ${report}`,
};

export function bankReportJob(deps: { box: SecretBox }): JobHandler<{ id: string }> {
  return async (job, ctx) => {
    const portalId = job.portalId;
    if (!portalId) throw new PermanentJobError('mail.bank.report without a portal');
    const row = await getBankMessage(ctx.db, portalId, job.payload.id);
    if (!row) throw new PermanentJobError(`bank message ${job.payload.id} not found`);
    if (row.status !== 'delivered' && row.status !== 'failed') return;
    const to = openContent(deps.box, row)?.to.join(', ') ?? '—';
    const say = row.status === 'delivered' ? DELIVERED : BOUNCED;
    // Queued once per status move; a rerun after a crash looks for its comment before adding it.
    await addCommentOnce(await ctx.portal(), Number(row.deal_id), say[row.lang](to, row.delivery_report ?? ''), job.attempts > 1);
  };
}
