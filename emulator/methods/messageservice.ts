// messageservice.sender.add|delete|list, messageservice.message.status.update —
// doc: api-reference/messageservice/* (contract.md §6).
import type { MethodTable } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import { isRecord, isoDate, param, toStr } from '../util.js';

const senderValidation = (text: string) => new RestError(400, 'ERROR_SENDER_VALIDATION_FAILURE', text);
const STATUSES = new Set(['queued', 'sent', 'delivered', 'undelivered', 'failed']);

export const messageserviceMethods: MethodTable = {
  'messageservice.sender.add': {
    scope: ['messageservice'],
    appOnly: 'ACCESS_DENIED',
    adminOnly: true,
    handler: ({ core }, params) => {
      if (Object.keys(params).length === 0) throw senderValidation('Empty data!');
      const code = toStr(param(params, 'CODE'));
      if (!code) throw senderValidation('Empty sender code!');
      if (!/^[a-zA-Z0-9.\-_]+$/.test(code)) throw senderValidation('Wrong sender code!');
      const name = param(params, 'NAME');
      if (name === undefined || name === '' || (isRecord(name) && Object.keys(name).length === 0))
        throw senderValidation('Empty sender NAME!');
      const type = toStr(param(params, 'TYPE'));
      if (!type) throw senderValidation('Empty sender message TYPE!');
      if (type.toUpperCase() !== 'SMS') throw senderValidation('Unknown sender message TYPE!');
      const handler = toStr(param(params, 'HANDLER'));
      if (!handler) throw new RestError(400, 'ERROR_HANDLER_URL_MISMATCH', 'Handler URL is empty');
      if (core.state.smsSenders.some((s) => s.code === code))
        throw new RestError(400, 'ERROR_SENDER_ALREADY_INSTALLED', 'Sender already installed!');
      core.state.smsSenders.push({ code, type: 'SMS', handler, name, description: param(params, 'DESCRIPTION') ?? '' });
      return true;
    },
  },
  'messageservice.sender.delete': {
    scope: ['messageservice'],
    appOnly: 'ACCESS_DENIED',
    adminOnly: true,
    handler: ({ core }, params) => {
      const code = toStr(param(params, 'CODE'));
      const i = core.state.smsSenders.findIndex((s) => s.code === code);
      if (i < 0) throw new RestError(400, 'ERROR_SENDER_NOT_FOUND', 'Sender not found!');
      core.state.smsSenders.splice(i, 1);
      return true;
    },
  },
  'messageservice.sender.list': {
    scope: ['messageservice'],
    appOnly: 'ACCESS_DENIED',
    handler: ({ core }) => core.state.smsSenders.map((s) => s.code),
  },
  'messageservice.message.status.update': {
    scope: ['messageservice'],
    appOnly: 'ACCESS_DENIED',
    handler: ({ core }, params) => {
      const code = toStr(param(params, 'CODE'));
      if (!code) throw senderValidation('Empty sender code!');
      const messageId = toStr(param(params, 'MESSAGE_ID'));
      const status = toStr(param(params, 'STATUS'))?.toLowerCase();
      if (!status || !STATUSES.has(status)) throw new RestError(400, 'ERROR_MESSAGE_STATUS_INCORRECT', 'Message status incorrect!');
      const msg = core.state.smsMessages.find((m) => m.messageId === messageId && m.senderCode === code);
      if (!msg) throw new RestError(400, 'ERROR_MESSAGE_NOT_FOUND', 'Message not found!');
      msg.status = status;
      msg.history.push({ status, at: isoDate() });
      core.notify.emit('messageservice.status', msg);
      return true;
    },
  },
};
