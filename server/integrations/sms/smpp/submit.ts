import type { Pdu, Session } from 'smpp';
import { errorReason, guarded } from '../../guarded.js';
import { ProviderError } from '../provider-error.js';
import type { SmsSendRequest } from '../provider.js';
import type { SubmitPart } from './pdu-parts.js';
import type { SmppSettings } from './schema.js';
import { RETRYABLE_STATUS, statusName } from './status.js';

// One submit_sm on a bound session (SMPP 3.4 §4.4): resolves with the SMSC's message id. Once the
// PDU may have left, a failure is "outcome unknown" so the job is never resent blindly.

export function submitPart(session: Session, part: SubmitPart, request: SmsSendRequest, settings: SmppSettings): Promise<string> {
  const sender = request.sender ?? settings.sourceAddr;
  const numericSender = /^\+?\d+$/.test(sender);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (e: ProviderError | undefined, messageId?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      session.off('close', onClose);
      if (e) reject(e);
      else resolve(messageId as string);
    };
    // Once submit_sm may have left, any failure is "outcome unknown": the job is not resent.
    const unknown = (why: string) => (e?: unknown) =>
      settle(
        new ProviderError('SMS_PROVIDER_UNAVAILABLE', e === undefined ? why : `${why}: ${errorReason(e)}`, {
          retryable: true,
          outcomeUnknown: true,
        }),
      );
    const onClose = guarded(unknown('SMPP connection closed before submit_sm_resp'), unknown('SMPP close handler failed'));
    const timer = setTimeout(
      guarded(unknown(`No submit_sm_resp within ${settings.timeoutMs} ms`), unknown('SMPP submit timer failed')),
      settings.timeoutMs,
    );
    session.once('close', onClose);
    const onSubmitResp = (pdu: Pdu) => {
      if (pdu.command_status === 0) return settle(undefined, String(pdu.message_id));
      const retryable = RETRYABLE_STATUS.has(pdu.command_status);
      settle(
        new ProviderError(
          retryable ? 'SMS_PROVIDER_UNAVAILABLE' : 'SMS_PROVIDER_REJECTED',
          `SMSC refused submit_sm: ${statusName(pdu.command_status)}`,
          {
            retryable,
            providerCode: pdu.command_status,
          },
        ),
      );
    };
    let written: boolean;
    try {
      written = session.submit_sm(
        {
          source_addr_ton: numericSender ? 1 : 5,
          source_addr_npi: numericSender ? 1 : 0,
          source_addr: sender.replace(/^\+/, ''),
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: request.to.replace(/^\+/, ''),
          esm_class: part.esmClass,
          data_coding: part.dataCoding,
          registered_delivery: 1,
          short_message: part.shortMessage,
        },
        guarded(onSubmitResp, unknown('SMPP submit_sm_resp could not be read')),
      );
    } catch (e) {
      // The library encodes before it writes: a throw here means nothing left, and retrying the
      // same PDU would throw again.
      return settle(
        new ProviderError('SMS_PROVIDER_REJECTED', `SMPP submit_sm could not be encoded: ${errorReason(e)}`, { retryable: false }),
      );
    }
    if (!written) settle(new ProviderError('SMS_PROVIDER_UNAVAILABLE', 'SMPP socket not writable; nothing sent', { retryable: true }));
  });
}
