// Timeline comment, to-do and legacy activity — doc: api-reference/crm/timeline/comments/crm-timeline-comment-add.md,
// timeline/comments/crm-timeline-comment-list.md (filter ENTITY_ID and ENTITY_TYPE required; order by ID/CREATED; pages of 50),
// timeline/activities/todo/crm-activity-todo-add.md, activity-base/crm-activity-add.md (contract.md §7.6).
import type { MethodTable } from '../rest/registry.js';
import { RestError, errors } from '../rest/errors.js';
import type { Core } from '../core.js';
import { ENTITY_CONTACT, ENTITY_DEAL } from '../state.js';
import { findRecord } from '../crm/store.js';
import { isoDate, isRecord, nextIdOf, param, toInt, toStr } from '../util.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';

const COMMENT_FIELDS = ['ID', 'CREATED', 'ENTITY_ID', 'ENTITY_TYPE', 'AUTHOR_ID', 'COMMENT', 'FILES'];

/** "deal" → 2, "contact" → 3, "dynamic_1046" → 1046. */
function entityTypeFromName(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n === 'deal') return ENTITY_DEAL;
  if (n === 'contact') return ENTITY_CONTACT;
  const m = /^dynamic_(\d+)$/.exec(n);
  return m ? Number(m[1]) : undefined;
}

function ownerExists(core: Core, entityTypeId: number | undefined, id: number | undefined): boolean {
  return entityTypeId !== undefined && id !== undefined && findRecord(core, entityTypeId, id) !== undefined;
}

export const crmTimelineMethods: MethodTable = {
  'crm.timeline.comment.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      // Only lowercase `fields` is accepted since crm 23.100.0 (contract.md §2.1).
      const fields = params.fields;
      if (!isRecord(fields)) throw new RestError(400, 'INVALID_ARG_VALUE', "Parameter 'fields' is required");
      const comment = toStr(param(fields, 'COMMENT')) ?? '';
      if (comment.trim() === '') throw new RestError(400, 'INVALID_ARG_VALUE', 'Comment is empty');
      const entityType = toStr(param(fields, 'ENTITY_TYPE')) ?? '';
      const entityId = toInt(param(fields, 'ENTITY_ID'));
      if (!ownerExists(core, entityTypeFromName(entityType), entityId))
        throw new RestError(400, 'OWNER_NOT_FOUND', 'Owner entity not found');
      const files = param(fields, 'FILES');
      const id = nextIdOf(core.state, 'timeline', 1);
      core.state.timeline.push({
        id,
        entityType: entityType.toLowerCase(),
        entityId: entityId!,
        comment,
        authorId: auth.userId,
        files: Array.isArray(files) ? files.map((f) => (Array.isArray(f) ? String(f[0]) : 'file')) : [],
        created: isoDate(),
      });
      return id;
    },
  },
  // The comments of one CRM item, 50 a page. ENTITY_ID and ENTITY_TYPE are required in the filter;
  // `order` takes ID, CREATED, AUTHOR_ID; the fields are the `select`ed ones (the page's two versions
  // disagree on an empty select — all fields here). An item the user cannot read: error "" "Access denied.".
  'crm.timeline.comment.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const filter = param(params, 'filter');
      const entityType = isRecord(filter) ? (toStr(param(filter, 'ENTITY_TYPE')) ?? '') : '';
      const entityId = isRecord(filter) ? toInt(param(filter, 'ENTITY_ID')) : undefined;
      // UNVERIFIED(b24): the answer to a filter without ENTITY_ID/ENTITY_TYPE is not documented.
      if (!entityType || entityId === undefined)
        throw new RestError(400, 'INVALID_ARG_VALUE', 'ENTITY_ID and ENTITY_TYPE are required in filter');
      if (!ownerExists(core, entityTypeFromName(entityType), entityId)) throw new RestError(400, '', 'Access denied.');
      const rows = core.state.timeline
        .filter((c) => c.entityType === entityType.toLowerCase() && c.entityId === entityId)
        .map((c) => ({
          ID: String(c.id),
          CREATED: c.created,
          ENTITY_ID: String(c.entityId),
          ENTITY_TYPE: c.entityType,
          AUTHOR_ID: String(c.authorId),
          COMMENT: c.comment,
          FILES: {},
        }));
      const get = (r: Record<string, unknown>, f: string) => r[f.toUpperCase()];
      const rest = parseFilter(filter).filter((c) => !('field' in c) || !['ENTITY_ID', 'ENTITY_TYPE'].includes(c.field.toUpperCase()));
      const ordered = applyOrder(applyFilter(rows, rest, get), param(params, 'order') ?? { ID: 'ASC' }, get, 'ID');
      const select = param(params, 'select');
      const fields = Array.isArray(select) && select.length > 0 ? select.map((f) => String(f).toUpperCase()) : COMMENT_FIELDS;
      return page(ordered, param(params, 'start'), (p) =>
        p.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => fields.includes(k)))),
      );
    },
  },
  'crm.activity.todo.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const ownerTypeId = toInt(param(params, 'ownerTypeId'));
      const ownerId = toInt(param(params, 'ownerId'));
      const deadline = toStr(param(params, 'deadline'));
      if (ownerTypeId === undefined || ownerId === undefined || !deadline) {
        throw new RestError(400, '100', 'Required parameters ownerTypeId, ownerId, deadline are missing');
      }
      if (Number.isNaN(Date.parse(deadline))) throw new RestError(400, 'WRONG_DATETIME_FORMAT', 'Wrong datetime format');
      if (!ownerExists(core, ownerTypeId, ownerId)) throw new RestError(400, 'OWNER_NOT_FOUND', 'Owner entity not found');
      const id = nextIdOf(core.state, 'crmActivity', 1);
      core.state.todos.push({
        id,
        ownerTypeId,
        ownerId,
        deadline,
        title: toStr(param(params, 'title')) ?? '',
        description: toStr(param(params, 'description')) ?? '',
        responsibleId: toInt(param(params, 'responsibleId')) ?? auth.userId,
        created: isoDate(),
      });
      return { id };
    },
  },
  'crm.activity.add': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw errors.legacy("Parameter 'fields' must be array.");
      for (const req of ['OWNER_TYPE_ID', 'OWNER_ID', 'TYPE_ID', 'RESPONSIBLE_ID']) {
        if (param(fields, req) === undefined) throw errors.legacy(`The field ${req} is required.`);
      }
      const comms = param(fields, 'COMMUNICATIONS');
      if (!Array.isArray(comms) || comms.length === 0) throw errors.legacy('The field COMMUNICATIONS is required.');
      if (!ownerExists(core, toInt(param(fields, 'OWNER_TYPE_ID')), toInt(param(fields, 'OWNER_ID')))) throw errors.legacy('Not found');
      const id = nextIdOf(core.state, 'crmActivity', 1);
      core.state.crmActivities.push({ ID: id, ...fields, CREATED: isoDate() });
      return id;
    },
  },
};
