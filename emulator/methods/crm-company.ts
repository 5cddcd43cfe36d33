// Legacy company methods — doc: api-reference/crm/companies/crm-company-{get,add,list}.md. Like contacts:
// UPPER_CASE string values, PHONE/EMAIL multi-fields, errors with an EMPTY code and HTTP 400 —
// "Not found", "Access denied" (no "Read" permission for companies: get and list),
// "Parameter 'fields' must be array." (add).
import type { MethodTable } from '../rest/registry.js';
import { errors } from '../rest/errors.js';
import { ENTITY_COMPANY } from '../state.js';
import { COMPANY_FIELDS } from '../crm/fields.js';
import { canReadRecord } from '../crm/access.js';
import { createRecord, entityInfo, findRecord } from '../crm/store.js';
import type { Core } from '../core.js';
import { isRecord, param } from '../util.js';
import { listWithMulti, patchFrom, readId, withMulti } from './crm-contact.js';

/** crm.company.list has no record to test; a user without read on companies reads none (doc: its errors). */
function canReadCompanies(core: Core, userId: number): boolean {
  return canReadRecord(core, userId, ENTITY_COMPANY, { id: 0, entityTypeId: ENTITY_COMPANY });
}

export const crmCompanyMethods: MethodTable = {
  'crm.company.get': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const rec = findRecord(core, ENTITY_COMPANY, readId(params));
      if (!rec) throw errors.legacy('Not found');
      if (!canReadRecord(core, auth.userId, ENTITY_COMPANY, rec)) throw errors.legacy('Access denied');
      return withMulti(rec, [], COMPANY_FIELDS);
    },
  },
  'crm.company.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw errors.legacy("Parameter 'fields' must be array.");
      const patch = patchFrom(core, fields, [], COMPANY_FIELDS);
      return createRecord(core, entityInfo(core, ENTITY_COMPANY)!, patch, auth.userId).id;
    },
  },
  'crm.company.list': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      if (!canReadCompanies(core, auth.userId)) throw errors.legacy('Access denied');
      return listWithMulti(core, params, ENTITY_COMPANY, COMPANY_FIELDS);
    },
  },
};
