// The CRM call activity that telephony.externalCall.finish writes (doc:
// api-reference/telephony/telephony-external-call-finish.md: "ends an external call, saves it in the
// statistics, and logs it in the CRM activity"; telephony-external-call-register.md: "To create a CRM
// activity for the call, you must also call the method telephony.externalCall.finish").
import type { Core } from '../core.js';
import { ENTITY_CONTACT, ENTITY_DEAL, itemsOf } from '../state.js';
import type { ExternalCall } from '../records/messages.js';
import { isoDate, nextIdOf } from '../util.js';

const OWNER_TYPE: Record<string, number> = { LEAD: 1, DEAL: ENTITY_DEAL, CONTACT: ENTITY_CONTACT, COMPANY: 4 };

/** Stores the call activity and returns its id (result.CRM_ACTIVITY_ID). */
export function addCallActivity(core: Core, call: ExternalCall, o: { userId: number; durationSec: number; statusCode: string }): number {
  const ownerTypeId = OWNER_TYPE[call.crmEntityType ?? ''];
  const bindings: { OWNER_TYPE_ID: number; OWNER_ID: number }[] = [];
  if (ownerTypeId !== undefined && call.crmEntityId) bindings.push({ OWNER_TYPE_ID: ownerTypeId, OWNER_ID: call.crmEntityId });
  // UNVERIFIED(b24): the docs do not list the activity's bindings; the portal's call card also shows
  // the call in the contact's deals in progress, so it is bound to each of them here.
  if (ownerTypeId === ENTITY_CONTACT && call.crmEntityId) {
    for (const deal of itemsOf(core.state, ENTITY_DEAL)) {
      const contacts = (deal.contactIds as number[] | undefined) ?? [];
      if (deal.stageSemanticId === 'P' && (deal.contactId === call.crmEntityId || contacts.includes(call.crmEntityId)))
        bindings.push({ OWNER_TYPE_ID: ENTITY_DEAL, OWNER_ID: deal.id });
    }
  }
  const id = nextIdOf(core.state, 'crmActivity', 1);
  const outgoing = call.type === 1;
  core.state.crmActivities.push({
    ID: id,
    TYPE_ID: 2, // call (crm.enum.activitytype)
    PROVIDER_ID: 'VOXIMPLANT_CALL',
    DIRECTION: outgoing ? 2 : 1,
    SUBJECT: `${outgoing ? 'Outgoing' : 'Incoming'} call ${call.phoneNumber}`,
    OWNER_TYPE_ID: bindings[0]?.OWNER_TYPE_ID ?? null,
    OWNER_ID: bindings[0]?.OWNER_ID ?? null,
    BINDINGS: bindings,
    RESPONSIBLE_ID: o.userId,
    COMPLETED: 'Y',
    ORIGIN_ID: call.callId,
    SETTINGS: { DURATION: o.durationSec, STATUS_CODE: o.statusCode },
    COMMUNICATIONS: [{ TYPE: 'PHONE', VALUE: call.phoneNumber }],
    CREATED: isoDate(),
  });
  return id;
}
