// Timeline comment, to-do and legacy activity — doc: api-reference/crm/timeline/comments/crm-timeline-comment-add.md,
// crm-timeline-comment-list.md (filter ENTITY_ID and ENTITY_TYPE required; order by ID/CREATED; pages of 50),
// timeline/activities/todo/crm-activity-todo-add.md, activity-base/crm-activity-add.md (contract.md §7.6).
import { Paged, type MethodTable } from '../rest/registry.js';
import { RestError, errors } from '../rest/errors.js';
import type { Core } from '../core.js';
import { ENTITY_CONTACT, ENTITY_DEAL } from '../state.js';
import { findRecord } from '../crm/store.js';
import { isoDate, isRecord, nextIdOf, param, toInt, toStr } from '../util.js';

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
  'crm.timeline.comment.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const filter = param(params, 'filter');
      const entityType = isRecord(filter) ? toStr(param(filter, 'ENTITY_TYPE'))?.toLowerCase() : undefined;
      const entityId = isRecord(filter) ? toInt(param(filter, 'ENTITY_ID')) : undefined;
      if (!entityType || entityId === undefined) throw new RestError(400, '100', 'Required fields are not provided');
      const order = param(params, 'order');
      const desc = isRecord(order) && String(param(order, 'ID') ?? param(order, 'CREATED') ?? '').toUpperCase() === 'DESC';
      const start = toInt(param(params, 'start')) ?? 0;
      const all = core.state.timeline
        .filter((c) => c.entityType === entityType && c.entityId === entityId)
        .sort((a, b) => (desc ? b.id - a.id : a.id - b.id));
      const page = all.slice(start, start + 50).map((c) => ({
        ID: String(c.id),
        ENTITY_ID: String(c.entityId),
        ENTITY_TYPE: c.entityType,
        CREATED: c.created,
        COMMENT: c.comment,
        AUTHOR_ID: String(c.authorId),
      }));
      return new Paged(page, all.length, start + 50 < all.length ? start + 50 : undefined);
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
