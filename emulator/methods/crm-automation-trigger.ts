// An app's robot triggers — doc: api-reference/crm/automation/triggers/ (index.md,
// crm-automation-trigger-add.md, -list.md, -delete.md, -execute.md). Application context only,
// administrators only; CODE matches [a-z0-9.\-_]; add with a known CODE renames it. An execution is
// recorded in state.firedTriggers (the portal would run the automation rule bound to it; the emulator
// has none, so tests assert on the record).
import type { MethodContext, MethodTable } from '../rest/registry.js';
import { errors, RestError } from '../rest/errors.js';
import { ENTITY_CONTACT, ENTITY_DEAL } from '../state.js';
import { isoDate, param, toInt, toStr } from '../util.js';

const appContext = () => new RestError(400, 'ACCESS_DENIED', 'Access denied! Application context required');

/** The documented refusals every trigger method shares: admin, then the code's presence and pattern. */
function adminOnly({ core, auth }: MethodContext): void {
  if (!core.state.users.find((u) => u.id === auth.userId)?.admin)
    throw new RestError(400, 'ACCESS_DENIED', 'Access denied! Admin permissions required');
}

function codeOf(params: Record<string, unknown>): string {
  const code = toStr(param(params, 'CODE')) ?? '';
  if (!code) throw errors.legacy('Empty trigger code!');
  if (!/^[a-z0-9.\-_]+$/.test(code)) throw errors.legacy('Wrong trigger code!');
  return code;
}

/** Types with automation (execute.md: leads, deals, estimates, invoices, SPAs); contacts have none. */
function ownerTypeKnown(ctx: MethodContext, id: number): boolean {
  if (id === ENTITY_CONTACT) return false;
  return id === 1 || id === ENTITY_DEAL || id === 7 || id === 31 || ctx.core.state.types.some((t) => t.entityTypeId === id);
}

export const crmAutomationTriggerMethods: MethodTable = {
  'crm.automation.trigger.add': {
    scope: ['crm'],
    appOnly: appContext,
    handler: (ctx, params) => {
      adminOnly(ctx);
      const code = codeOf(params);
      const name = (toStr(param(params, 'NAME')) ?? '').trim();
      if (!name) throw errors.legacy('Empty trigger name!');
      const list = ctx.core.state.automationTriggers;
      const known = list.find((t) => t.code === code);
      if (known) known.name = name;
      else list.push({ code, name });
      return true;
    },
  },
  'crm.automation.trigger.list': {
    scope: ['crm'],
    appOnly: appContext,
    handler: (ctx) => {
      adminOnly(ctx);
      return ctx.core.state.automationTriggers.map((t) => ({ NAME: t.name, CODE: t.code }));
    },
  },
  'crm.automation.trigger.delete': {
    scope: ['crm'],
    appOnly: appContext,
    handler: (ctx, params) => {
      adminOnly(ctx);
      const code = codeOf(params);
      const list = ctx.core.state.automationTriggers;
      const i = list.findIndex((t) => t.code === code);
      if (i < 0) throw errors.legacy('Trigger not found');
      list.splice(i, 1);
      return true;
    },
  },
  'crm.automation.trigger.execute': {
    scope: ['crm'],
    appOnly: appContext,
    handler: (ctx, params) => {
      adminOnly(ctx);
      const code = codeOf(params);
      if (!ctx.core.state.automationTriggers.some((t) => t.code === code))
        throw errors.legacy(`Trigger with code ${code} is not registered.`);
      const ownerTypeId = toInt(param(params, 'OWNER_TYPE_ID')) ?? 0;
      if (!ownerTypeKnown(ctx, ownerTypeId)) throw errors.legacy('Incorrect parameter OWNER_TYPE_ID.');
      const ownerId = toInt(param(params, 'OWNER_ID')) ?? 0;
      if (!(ownerId > 0)) throw errors.legacy('Incorrect parameter OWNER_ID.');
      ctx.core.state.firedTriggers.push({ code, ownerTypeId, ownerId, at: isoDate() });
      return true;
    },
  },
};
