import type { Providers } from '../../activities/providers.js';
import { AppError } from '../../errors.js';
import { enqueueSmsSend, requestSms } from '../../integrations/sms/sending/index.js';
import { PermanentJobError, type JobHandler } from '../../jobs/job.js';
import type { SecretBox } from '../../security/crypto.js';
import { CONTENT_UNREADABLE, getBankMessage, openContent, settleBankMessage } from './bank-messages-repo.js';
import { bankSmsKey, MAX_BANK_PHONES } from './bank-sms-status.js';

// The job that sends a queued SMS to a bank's phones (`mail.bank.sms`, queued by
// queue-bank-messages.ts): one requestSms per phone keyed by the message and the phone's place, so
// a retry of this job (or a repeat of the request) never sends twice — the SMS layer's own outbox
// (sms.send, then the provider's status jobs) does the sending and carries the status back, read by
// bank-sms-status.ts. A phone the SMS layer refuses (not a number, over the provider's limit) is
// skipped; when every phone is refused the message fails with the reason.

export function bankSmsJob(deps: { providers: Pick<Providers, 'sms'>; box: SecretBox }): JobHandler<{ id: string }> {
  return async (job, ctx) => {
    const portalId = job.portalId;
    if (!portalId) throw new PermanentJobError('mail.bank.sms without a portal');
    const row = await getBankMessage(ctx.db, portalId, job.payload.id);
    if (!row) throw new PermanentJobError(`bank message ${job.payload.id} not found`);
    if (row.status !== 'queued') return;
    const content = openContent(deps.box, row);
    if (content === null) {
      // Altered at rest: nothing trustworthy to send; the message fails, as an e-mail's does.
      await settleBankMessage(ctx.db, portalId, row.id, { status: 'failed', error: CONTENT_UNREADABLE, nowIso: new Date().toISOString() });
      return;
    }
    const provider = await deps.providers.sms(portalId);
    const refused: string[] = [];
    for (const [i, to] of content.to.slice(0, MAX_BANK_PHONES).entries()) {
      try {
        await requestSms(
          ctx.db,
          portalId,
          { key: bankSmsKey(row.id, i), to, text: content.text, provider: provider.code, context: { source: 'bank-message', id: row.id } },
          { limit: provider.limit, onCreated: async (trx, s) => void (await enqueueSmsSend(trx, s)) },
        );
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refused.push(e.message);
      }
    }
    if (refused.length === Math.min(content.to.length, MAX_BANK_PHONES))
      await settleBankMessage(ctx.db, portalId, row.id, { status: 'failed', error: refused.join('; '), nowIso: new Date().toISOString() });
  };
}
