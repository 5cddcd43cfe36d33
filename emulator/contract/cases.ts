// How each shared fixture is replayed. Every file in shared/bitrix24/fixtures must appear either here
// or in NOT_REPLAYED with a reason, so a new fixture never goes unnoticed.
// Request bodies come from requests/*.request.json; params written here are ours, from contract.md.
import type { AuthKind, ReplayContext } from './context.js';

export interface RestCase {
  /** Response fixture whose shape (and status) the answer must match. */
  response: string;
  method: string;
  /** A request fixture to send as the body… */
  request?: string;
  /** …or our own params (may read ids made by earlier cases). */
  params?: (ctx: ReplayContext) => Record<string, unknown>;
  auth?: AuthKind;
  prepare?: (ctx: ReplayContext) => Promise<void>;
  /** Remember result (id) under this name for later cases. */
  saveAs?: string;
  ignore?: string[];
}

const HANDLER = 'https://www.my-domain.com/handler/';

export const REST_CASES: RestCase[] = [
  { response: 'rest/app.info.response.json', method: 'app.info' },
  { response: 'rest/app.info.error-no-app-context.response.json', method: 'app.info', auth: 'webhook' },
  { response: 'rest/user.current.response.json', method: 'user.current' },
  { response: 'rest/user.current.webhook.response.json', method: 'user.current', auth: 'webhook' },
  { response: 'rest/profile.response.json', method: 'profile' },
  { response: 'rest/scope.response.json', method: 'scope' },
  {
    response: 'rest/batch.response.json',
    method: 'batch',
    auth: { scope: ['user', 'department'] },
    params: () => ({
      halt: 0,
      cmd: { get_user: 'user.current?', get_department: 'department.get?ID=$result[get_user][UF_DEPARTMENT][0]' },
    }),
  },
  {
    response: 'rest/batch.error-halt0.response.json',
    method: 'batch',
    auth: { scope: ['crm'] },
    params: () => ({ halt: 0, cmd: { get_user: 'user.current?', get_department: 'department.get?ID=1' } }),
  },
  {
    response: 'rest/batch.error-halt1.response.json',
    method: 'batch',
    auth: { scope: ['crm'] },
    params: () => ({ halt: 1, cmd: { get_user: 'user.current?', get_department: 'department.get?ID=1' } }),
  },
  // placements
  { response: 'placements/placement.bind.response.json', method: 'placement.bind', request: 'requests/placement.bind.request.json' },
  {
    response: 'placements/placement.bind.response.json',
    method: 'placement.bind',
    request: 'requests/placement.bind.CRM_DEAL_DETAIL_TAB.request.json',
  },
  { response: 'placements/placement.get.response.json', method: 'placement.get' },
  {
    response: 'placements/placement.unbind.response.json',
    method: 'placement.unbind',
    request: 'requests/placement.unbind.request.json',
    prepare: async (ctx) => {
      await ctx.call('placement.bind', { PLACEMENT: 'CRM_LEAD_DETAIL_TAB', HANDLER: 'https://www.myapplicationhost.com/placement/' });
    },
  },
  { response: 'placements/placement.bind.error-argument.response.json', method: 'placement.bind', params: () => ({ HANDLER: HANDLER }) },
  {
    response: 'placements/placement.unbind.error-wrong-auth-type.response.json',
    method: 'placement.unbind',
    auth: 'webhook',
    params: () => ({ PLACEMENT: 'CRM_DEAL_DETAIL_TAB' }),
  },
  // events
  { response: 'events/event.bind.response.json', method: 'event.bind', request: 'requests/event.bind.request.json' },
  { response: 'rest/error.generic.example.json', method: 'event.bind', request: 'requests/event.bind.request.json' },
  { response: 'events/event.bind.error.response.json', method: 'event.bind', params: () => ({ event: 'ONNOSUCHEVENT', handler: HANDLER }) },
  {
    response: 'events/event.get.response.json',
    method: 'event.get',
    prepare: async (ctx) => {
      await ctx.call('event.bind', { event: 'ONCRMLEADADD', handler: HANDLER, auth_type: 5 });
    },
  },
  { response: 'events/event.unbind.response.json', method: 'event.unbind', request: 'requests/event.unbind.request.json' },
  // offline events: bind offline, make a lead, read the queue (EVENT_DATA: the doc example shows `false`)
  {
    response: 'events/event.offline.list.response.json',
    method: 'event.offline.list',
    prepare: async (ctx) => {
      await ctx.call('event.bind', { event: 'ONCRMLEADADD', event_type: 'offline' });
      await ctx.call('crm.item.add', { entityTypeId: 1, fields: { title: 'Offline lead 1' } });
      await ctx.call('crm.item.add', { entityTypeId: 1, fields: { title: 'Offline lead 2' } });
    },
    ignore: ['$.result[].EVENT_DATA', '$.result[].EVENT_ADDITIONAL'],
  },
  {
    response: 'events/event.offline.get.response.json',
    method: 'event.offline.get',
    request: 'requests/event.offline.get.request.json',
    ignore: ['$.result.events[].EVENT_DATA', '$.result.events[].EVENT_ADDITIONAL'],
  },
  {
    response: 'events/event.offline.clear.response.json',
    method: 'event.offline.clear',
    request: 'requests/event.offline.clear.request.json',
    prepare: async (ctx) => {
      // The documented example clears id 2 of process yh3gu929…: reserve it under that process id first.
      await ctx.call('event.offline.get', { clear: 0, process_id: 'yh3gu929sf0d32lsfysqas2y1hlpp09q' });
      const row = ctx.em.state.offlineEvents.find((e) => e.id === 2);
      if (row) row.processId = 'yh3gu929sf0d32lsfysqas2y1hlpp09q';
    },
  },
  // bizproc
  {
    response: 'bizproc/bizproc.activity.add.response.json',
    method: 'bizproc.activity.add',
    request: 'requests/bizproc.activity.add.request.json',
  },
  {
    response: 'bizproc/bizproc.activity.add.error.response.json',
    method: 'bizproc.activity.add',
    params: () => ({ CODE: '', HANDLER: HANDLER, NAME: 'x' }),
  },
  { response: 'bizproc/bizproc.activity.list.response.json', method: 'bizproc.activity.list' },
  { response: 'bizproc/bizproc.robot.add.response.json', method: 'bizproc.robot.add', request: 'requests/bizproc.robot.add.request.json' },
  { response: 'bizproc/bizproc.robot.list.response.json', method: 'bizproc.robot.list' },
  {
    response: 'bizproc/bizproc.activity.log.response.json',
    method: 'bizproc.activity.log',
    request: 'requests/bizproc.activity.log.request.json',
    prepare: async (ctx) => {
      ctx.em.state.workflowTokens.push({
        eventToken:
          '55c1dc1c3f0d75.78875596|A51601_82584_96831_81132|hsyUws1j4XiwqPqN45eH66CcQtEvpUIP.47dd5d888e8e549d2c984713e12a4268e6e87d0208ca1f093ba1075e77f92e90',
        workflowId: '55c1dc1c3f0d75.78875596',
        code: 'md5_action',
        used: false,
        logMessages: [],
        createdAt: '',
      });
    },
  },
  {
    response: 'bizproc/bizproc.event.send.response.json',
    method: 'bizproc.event.send',
    request: 'requests/bizproc.event.send.request.json',
  },
  {
    response: 'bizproc/bizproc.event.send.error.response.json',
    method: 'bizproc.event.send',
    request: 'requests/bizproc.event.send.request.json',
  },
  {
    response: 'bizproc/bizproc.activity.log.error.response.json',
    method: 'bizproc.activity.log',
    params: () => ({ EVENT_TOKEN: 'x', LOG_MESSAGE: '' }),
  },
  // messageservice
  {
    response: 'messageservice/messageservice.sender.add.response.json',
    method: 'messageservice.sender.add',
    request: 'requests/messageservice.sender.add.request.json',
  },
  {
    response: 'messageservice/messageservice.sender.add.error.response.json',
    method: 'messageservice.sender.add',
    params: () => ({ CODE: '', TYPE: 'SMS', HANDLER, NAME: 'x' }),
  },
  {
    response: 'messageservice/messageservice.sender.list.response.json',
    method: 'messageservice.sender.list',
    prepare: async (ctx) => {
      await ctx.call('messageservice.sender.add', { CODE: 'provider2', TYPE: 'SMS', HANDLER, NAME: 'Provider 2' });
    },
  },
  {
    response: 'messageservice/messageservice.message.status.update.response.json',
    method: 'messageservice.message.status.update',
    request: 'requests/messageservice.message.status.update.request.json',
    prepare: async (ctx) => {
      ctx.em.state.smsMessages.push({
        messageId: '65575980fa531ac284c2ee68f81ebebd',
        senderCode: 'provider1',
        to: '+19990000000',
        body: 'x',
        status: 'queued',
        history: [],
      });
    },
  },
  {
    response: 'messageservice/messageservice.message.status.update.error.response.json',
    method: 'messageservice.message.status.update',
    params: () => ({ CODE: 'provider1', MESSAGE_ID: '65575980fa531ac284c2ee68f81ebebd', STATUS: 'lost' }),
  },
  // crm
  { response: 'crm/crm.deal.add.response.json', method: 'crm.deal.add', request: 'requests/crm.deal.add.request.json', saveAs: 'deal' },
  { response: 'crm/crm.deal.get.response.json', method: 'crm.deal.get', params: (ctx) => ({ id: ctx.ids.deal }) },
  {
    response: 'crm/crm.deal.update.response.json',
    method: 'crm.deal.update',
    params: (ctx) => ({ id: ctx.ids.deal, fields: { TITLE: 'Renamed' } }),
  },
  { response: 'crm/crm.deal.error.empty-code.response.json', method: 'crm.deal.add', params: () => ({ fields: 'not a map' }) },
  {
    response: 'crm/crm.deal.list.response.json',
    method: 'crm.deal.list',
    request: 'requests/crm.deal.list.request.json',
    prepare: async (ctx) => {
      await ctx.call('crm.deal.add', {
        fields: {
          TITLE: 'Loan for Ana',
          TYPE_ID: 'COMPLEX',
          CATEGORY_ID: 1,
          STAGE_ID: 'C1:NEW',
          OPPORTUNITY: 15000,
          IS_MANUAL_OPPORTUNITY: 'Y',
          ASSIGNED_BY_ID: 1,
        },
      });
    },
  },
  { response: 'crm/crm.deal.fields.response.json', method: 'crm.deal.fields' },
  {
    response: 'crm/crm.deal.userfield.add.response.json',
    method: 'crm.deal.userfield.add',
    request: 'requests/crm.deal.userfield.add.request.json',
  },
  {
    response: 'crm/crm.deal.userfield.add.error.response.json',
    method: 'crm.deal.userfield.add',
    params: () => ({ fields: { FIELD_NAME: 'NO_TYPE' } }),
  },
  { response: 'crm/crm.item.add.deal.response.json', method: 'crm.item.add', request: 'requests/crm.item.add.with-files.request.json' },
  {
    response: 'crm/crm.item.update.response.json',
    method: 'crm.item.update',
    params: (ctx) => ({ entityTypeId: 2, id: ctx.ids.deal, fields: { title: 'REST Deal #1' } }),
  },
  {
    response: 'crm/crm.item.add.error.response.json',
    method: 'crm.item.add',
    params: () => ({ entityTypeId: 9999, fields: { title: 'x' } }),
  },
  { response: 'crm/crm.item.get.error-not-found.response.json', method: 'crm.item.get', params: () => ({ entityTypeId: 2, id: 999999 }) },
  {
    response: 'crm/crm.item.get.lead.response.json',
    method: 'crm.item.get',
    prepare: async (ctx) => {
      const r = await ctx.call('crm.item.add', {
        entityTypeId: 1,
        fields: {
          title: 'Lead #1',
          name: 'Klaus',
          lastName: 'Weber',
          opportunity: 19000,
          fm: [{ valueType: 'WORK', value: '+6111111111', typeId: 'PHONE' }],
        },
      });
      ctx.ids.lead = (r.body.result as { item: { id: number } }).item.id;
    },
    params: (ctx) => ({ entityTypeId: 1, id: ctx.ids.lead }),
  },
  {
    response: 'crm/crm.item.list.response.json',
    method: 'crm.item.list',
    params: () => ({
      entityTypeId: 1,
      select: ['id', 'assignedById', 'stageId', 'opportunity', 'sourceId', 'title', 'name', 'lastName', 'isManualOpportunity'],
    }),
  },
  {
    response: 'crm/crm.type.add.response.json',
    method: 'crm.type.add',
    request: 'requests/crm.type.add.request.json',
    ignore: ['$.result.type.linkedUserFields'],
  },
  { response: 'crm/crm.type.list.response.json', method: 'crm.type.list' },
  { response: 'crm/crm.category.list.response.json', method: 'crm.category.list', params: () => ({ entityTypeId: 2 }) },
  { response: 'crm/crm.status.list.DEAL_STAGE.response.json', method: 'crm.status.list', request: 'requests/crm.status.list.request.json' },
  { response: 'crm/crm.contact.get.response.json', method: 'crm.contact.get', params: () => ({ id: 1 }) },
  {
    response: 'crm/crm.timeline.comment.add.response.json',
    method: 'crm.timeline.comment.add',
    request: 'requests/crm.timeline.comment.add.request.json',
  },
  {
    response: 'crm/crm.activity.todo.add.response.json',
    method: 'crm.activity.todo.add',
    request: 'requests/crm.activity.todo.add.request.json',
  },
  {
    response: 'crm/crm.activity.add.response.json',
    method: 'crm.activity.add',
    request: 'requests/crm.activity.add.request.json',
    prepare: async (ctx) => {
      // The documented example's owner is deal 102.
      while ((ctx.em.state.items['2'] ?? []).every((d) => d.id < 102)) await ctx.call('crm.deal.add', { fields: { TITLE: 'Filler' } });
    },
  },
  // disk, im, telephony
  {
    response: 'disk/disk.folder.uploadfile.response.json',
    method: 'disk.folder.uploadfile',
    request: 'requests/disk.folder.uploadfile.request.json',
  },
  {
    response: 'im/im.notify.system.add.response.json',
    method: 'im.notify.system.add',
    request: 'requests/im.notify.system.add.request.json',
  },
  { response: 'im/im.notify.system.add.error.response.json', method: 'im.notify.system.add', params: () => ({ MESSAGE: 'x' }) },
  {
    response: 'telephony/telephony.externalCall.register.response.json',
    method: 'telephony.externalCall.register',
    request: 'requests/telephony.externalCall.register.request.json',
  },
  {
    response: 'telephony/telephony.externalCall.register.error.response.json',
    method: 'telephony.externalCall.register',
    params: () => ({ USER_ID: 1, PHONE_NUMBER: '1', TYPE: 9 }),
  },
  {
    response: 'telephony/telephony.externalCall.finish.response.json',
    method: 'telephony.externalCall.finish',
    request: 'requests/telephony.externalCall.finish.request.json',
    prepare: async (ctx) => {
      ctx.em.state.calls.push({
        callId: 'externalCall.716f1cb73def9700a23842adf9c4c568.1773130779',
        userId: 1269,
        phoneNumber: '79062195047',
        type: 2,
        crmEntityType: 'CONTACT',
        crmEntityId: 797,
        finished: false,
        created: '',
      });
    },
  },
];

/** Fixtures this replay does not cover, and why. Covered elsewhere or not part of the emulated contract. */
export const NOT_REPLAYED: Record<string, string> = {
  'install/rest-only-wizard.URL_SETTINGS.request.json': 'the REST-only configuration wizard (URL_SETTINGS) is not emulated',
  'install/rest-only-wizard.form-action.request.json': 'the REST-only configuration wizard (URL_SETTINGS) is not emulated',
  'rest/security.event-rejection.example.json': "an example of the app's own answer, not the portal's",
  'events/ONCRMDEALADD.outgoing-webhook.payload.json': 'outgoing webhooks are not emulated (apps use event.bind)',
  'bizproc/activity-handler.request.json': 'activity/robot handler calls belong to the workflow runner (emulator/workflows)',
  'messageservice/sms-handler.crm.payload.json': 'SMS handler calls belong to the SMS part (emulator/sms)',
};
