// Sending an SMS through a registered messageservice sender: the portal POSTs the documented handler
// payload (contract.md §6; fixture messageservice/sms-handler.crm.payload.json) form-encoded, with auth[…].
// From a deal card module_id=crm with bindings; from a workflow step module_id=bizproc with workflow_id and
// document_id/document_type.
import { randomBytes } from 'node:crypto';
import type { Core } from '../core.js';
import { authBlock } from '../events/auth-block.js';
import { postForm, type PostResult } from '../events/bus.js';
import { ENTITY_CONTACT, ENTITY_DEAL } from '../state.js';
import type { SmsMessage } from '../records/messages.js';
import { findRecord } from '../crm/store.js';
import { isoDate, nowSec } from '../util.js';

export interface SmsRequest {
  senderCode: string;
  text: string;
  dealId?: number;
  phone?: string;
  /** The user who sends (their token goes into auth). */
  userId?: number;
  workflow?: { workflowId: string; documentId: string[]; documentType: string[] };
}

export interface SmsDispatch {
  message: SmsMessage;
  delivery: PostResult;
  payload: Record<string, unknown>;
}

export class SmsDispatchError extends Error {}

/** The first phone of the deal's contact (crm.contact multi-field PHONE). */
export function dealPhone(core: Core, dealId: number): string | undefined {
  const deal = findRecord(core, ENTITY_DEAL, dealId);
  const contactId =
    (deal?.contactId as number | null | undefined) ?? (Array.isArray(deal?.contactIds) ? (deal.contactIds[0] as number) : undefined);
  if (!contactId) return undefined;
  const contact = findRecord(core, ENTITY_CONTACT, contactId);
  const fm = Array.isArray(contact?.fm) ? (contact.fm as { typeId: string; value: string }[]) : [];
  return fm.find((f) => f.typeId === 'PHONE')?.value;
}

export async function dispatchSms(core: Core, req: SmsRequest): Promise<SmsDispatch> {
  const sender = core.state.smsSenders.find((s) => s.code === req.senderCode);
  if (!sender) throw new SmsDispatchError(`No SMS sender ${req.senderCode}`);
  if (!core.state.app?.installed) throw new SmsDispatchError('The app is not installed');
  const to = req.phone ?? (req.dealId !== undefined ? dealPhone(core, req.dealId) : undefined);
  if (!to) throw new SmsDispatchError('No phone number to send to');
  const messageId = randomBytes(16).toString('hex');
  // UNVERIFIED(b24): the status a message has before the provider reports; 'created' is ours.
  const message: SmsMessage = {
    messageId,
    senderCode: sender.code,
    to,
    body: req.text,
    status: 'created',
    history: [{ status: 'created', at: isoDate() }],
  };
  core.state.smsMessages.push(message);
  core.changed();
  const common = {
    properties: { phone_number: to, message_text: req.text },
    type: 'SMS',
    code: sender.code,
    message_id: messageId,
    message_to: to,
    message_body: req.text,
    ts: nowSec(),
  };
  const payload: Record<string, unknown> = req.workflow
    ? {
        module_id: 'bizproc',
        workflow_id: req.workflow.workflowId,
        document_id: req.workflow.documentId,
        document_type: req.workflow.documentType,
        ...common,
      }
    : { module_id: 'crm', bindings: req.dealId !== undefined ? [{ OWNER_TYPE_ID: ENTITY_DEAL, OWNER_ID: req.dealId }] : [], ...common };
  payload.auth = authBlock(core, { userId: req.userId ?? 1 });
  const delivery = await postForm(sender.handler, payload);
  return { message, delivery, payload };
}
