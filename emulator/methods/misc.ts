// disk.folder.uploadfile, im.notify.system.add, telephony.externalcall.register|finish —
// doc: api-reference/disk/folder/disk-folder-upload-file.md, chats/notifications/im-notify-system-add.md,
// telephony/telephony-external-call-{register,finish}.md (contract.md §7.8–7.10).
import type { MethodTable } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import { isoDate, isRecord, nextIdOf, param, randomToken, toInt, toStr, nowSec } from '../util.js';
import { addCallActivity } from './telephony-activity.js';
import { diskFileView } from './disk.js';

export const miscMethods: MethodTable = {
  'disk.folder.uploadfile': {
    scope: ['disk'],
    notInBatch: true,
    handler: ({ core, auth }, params) => {
      const folderId = toInt(param(params, 'id'));
      if (folderId === undefined) throw new RestError(400, 'ERROR_ARGUMENT', "Argument 'id' is null or empty", { argument: 'id' });
      const data = param(params, 'data');
      const content = param(params, 'fileContent');
      if (!Array.isArray(content) || content.length < 2) {
        // Without fileContent the portal hands out an upload URL for a multipart POST.
        return { field: 'file', uploadUrl: `${core.baseUrl}/rest/upload.json?auth=${auth.accessToken ?? ''}&token=disk|${randomToken(8)}` };
      }
      const name = (isRecord(data) ? toStr(param(data, 'NAME')) : undefined) ?? String(content[0]);
      const base64 = String(content[1]);
      const id = nextIdOf(core.state, 'file', 9000);
      const size = Buffer.from(base64, 'base64').length;
      const created = isoDate();
      core.state.files.push({ id, folderId, name, size, contentBase64: base64, createdBy: auth.userId, created });
      core.changed();
      return diskFileView(core, core.state.files.at(-1)!);
    },
  },
  'im.notify.system.add': {
    scope: ['im'],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core }, params) => {
      const userId = toInt(param(params, 'USER_ID'));
      if (!userId) throw new RestError(400, 'USER_ID_EMPTY', "User ID can't be empty");
      const message = toStr(param(params, 'MESSAGE')) ?? '';
      if (message === '') throw new RestError(400, 'MESSAGE_EMPTY', "Message can't be empty");
      const id = nextIdOf(core.state, 'notification', 12345);
      core.state.notifications.push({ id, userId, message, tag: toStr(param(params, 'TAG')), created: isoDate() });
      return id;
    },
  },
  'telephony.externalcall.register': {
    scope: ['telephony'],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core }, params) => {
      const userId = toInt(param(params, 'USER_ID'));
      if (userId === undefined && param(params, 'USER_PHONE_INNER') === undefined) {
        throw new RestError(400, 'ERROR_CORE', 'USER_ID or USER_PHONE_INNER should be set.');
      }
      const type = toInt(param(params, 'TYPE'));
      if (type === undefined || type < 1 || type > 5) throw new RestError(400, 'ERROR_CORE', 'Unknown TYPE');
      const phone = toStr(param(params, 'PHONE_NUMBER'));
      if (!phone) throw new RestError(400, 'ERROR_CORE', 'PHONE_NUMBER should be set.');
      const callId = `externalCall.${randomToken()}.${nowSec()}`;
      const crmEntityType = toStr(param(params, 'CRM_ENTITY_TYPE'));
      const crmEntityId = toInt(param(params, 'CRM_ENTITY_ID'));
      core.state.calls.push({
        callId,
        userId: userId ?? 1,
        phoneNumber: phone,
        type,
        crmEntityType,
        crmEntityId,
        finished: false,
        created: isoDate(),
      });
      return {
        CALL_ID: callId,
        CRM_CREATED_LEAD: null,
        CRM_CREATED_ENTITIES: [],
        CRM_ENTITY_TYPE: crmEntityType ?? null,
        CRM_ENTITY_ID: crmEntityId ?? null,
      };
    },
  },
  'telephony.externalcall.finish': {
    scope: ['telephony'],
    appOnly: 'WRONG_AUTH_TYPE',
    handler: ({ core }, params) => {
      const rawCallId = param(params, 'CALL_ID');
      if (rawCallId !== undefined && typeof rawCallId !== 'string')
        throw new RestError(400, 'INVALID_ARGUMENT', 'CALL_ID must be a string');
      const userId = toInt(param(params, 'USER_ID'));
      if (userId === undefined && param(params, 'USER_PHONE_INNER') === undefined) {
        throw new RestError(400, 'ERROR_CORE', 'USER_ID or USER_PHONE_INNER should be set');
      }
      // UNVERIFIED(b24): a second finish of the same call — the finished call has left the registrations
      // for the statistics, so it is answered like an unknown one.
      const call = core.state.calls.find((c) => c.callId === rawCallId && !c.finished);
      if (!call) throw new RestError(400, 'ERROR_CORE', 'Call is not found (call should be registered prior to finishing)');
      call.finished = true;
      call.duration = toInt(param(params, 'DURATION')) ?? 0;
      // doc: STATUS_CODE defaults to 200 when DURATION > 0, else 304 (missed).
      call.statusCode = toStr(param(params, 'STATUS_CODE')) ?? (call.duration > 0 ? '200' : '304');
      const portalUserId = userId ?? call.userId;
      const activityId = addCallActivity(core, call, { userId: portalUserId, durationSec: call.duration, statusCode: call.statusCode });
      return {
        CALL_ID: call.callId,
        EXTERNAL_CALL_ID: null,
        PORTAL_USER_ID: portalUserId,
        PHONE_NUMBER: call.phoneNumber,
        PORTAL_NUMBER: '',
        INCOMING: String(call.type),
        CALL_DURATION: call.duration,
        CALL_START_DATE: {},
        CALL_STATUS: call.statusCode === '200' ? 1 : 0,
        CALL_VOTE: toInt(param(params, 'VOTE')) ?? null,
        COST: Number(param(params, 'COST') ?? 0),
        COST_CURRENCY: toStr(param(params, 'COST_CURRENCY')) ?? '',
        CALL_FAILED_CODE: call.statusCode,
        CALL_FAILED_REASON: toStr(param(params, 'FAILED_REASON')) ?? '',
        REST_APP_ID: '1',
        REST_APP_NAME: core.state.app?.code ?? '',
        CRM_ACTIVITY_ID: activityId,
        COMMENT: null,
        CRM_ENTITY_TYPE: call.crmEntityType ?? null,
        CRM_ENTITY_ID: call.crmEntityId ?? null,
        ID: core.state.calls.indexOf(call) + 1,
      };
    },
  },
};
