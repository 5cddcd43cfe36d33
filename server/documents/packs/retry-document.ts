// "Retry" on a pack's document (issue 15): the step that failed runs again through the outbox, in
// one transaction with what it resets — the pack's fill job when it died before this document was
// filled, the document's delivery job when it died, or the delivery again when the portal refused the
// attachment (a right since granted, a disk since freed). Anything else has nothing to retry: 409.
import type { Trx } from '../../db/executor.js';
import { AppError } from '../../errors.js';
import { reviveJob } from '../../jobs/outbox.js';
import { deliverJobKey, fillJobKey } from './job-keys.js';
import { getDocument, isDelivered, packNotFound, refreshPackStatus, updateDocument } from './pack-repo.js';

export async function retryDocument(trx: Trx, portalId: string, packId: string, idx: number, nowIso: string): Promise<void> {
  const d = await getDocument(trx, portalId, packId, idx);
  if (!d) throw packNotFound(`${packId}/${idx}`);
  let revived = false;
  if (d.status === 'pending') revived = await reviveJob(trx, portalId, fillJobKey(packId), ['dead']);
  else if (d.status === 'done' && d.attach_state === 'failed') {
    revived =
      (await updateDocument(
        trx,
        portalId,
        packId,
        idx,
        { attach_state: 'none', message_code: null, message_params: null, updated_at: nowIso },
        { column: 'attach_state', is: 'failed' },
      )) && (await reviveJob(trx, portalId, deliverJobKey(packId, idx), ['dead', 'done']));
  } else if (d.status === 'done' && !isDelivered(d)) revived = await reviveJob(trx, portalId, deliverJobKey(packId, idx), ['dead']);
  if (!revived)
    throw new AppError('CONFLICT', `pack document ${packId}/${idx} has nothing to retry`, { key: 'PACK_DOCUMENT_NOT_RETRYABLE' });
  await refreshPackStatus(trx, portalId, packId, nowIso);
}
