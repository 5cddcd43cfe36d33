// Deal pipelines and their stages, written — doc: api-reference/crm/universal/category/crm-category-add.md,
// crm-category-get.md, crm-category-delete.md and api-reference/crm/status/crm-status-add.md,
// crm-status-update.md, crm-status-delete.md. Listing them is crm-type.ts (crm.category.list,
// crm.status.list). Only what the app's lender-pipeline preset needs: deal pipelines and DEAL_STAGE[_<id>].
import type { MethodContext, MethodTable } from '../rest/registry.js';
import { errors, RestError } from '../rest/errors.js';
import { ENTITY_CONTACT, ENTITY_DEAL } from '../state.js';
import type { StageStatus } from '../records/crm.js';
import { addStages, categoryView, stagesOf } from '../crm/stages.js';
import { isRecord, nextIdOf, param, toInt, toStr } from '../util.js';

/** A new deal pipeline starts with these stages, as a portal's does (crm-status-list.md example). */
const NEW_PIPELINE_STAGES: [string, string, StageStatus['semantics'], string][] = [
  ['NEW', 'New', 'process', '#39A8EF'],
  ['PREPARATION', 'Preparing documents', 'process', '#2FC6F6'],
  ['EXECUTING', 'In progress', 'process', '#47E4C2'],
  ['WON', 'Deal won', 'success', '#7BD500'],
  ['LOSE', 'Deal lost', 'failure', '#FF5752'],
];

/** crm-category-get.md / -delete.md: deals only here; contacts have no pipelines, other types are unknown. */
function dealCategoryOf({ core }: MethodContext, params: Record<string, unknown>) {
  const entityTypeId = toInt(param(params, 'entityTypeId'));
  if (entityTypeId === ENTITY_CONTACT) throw new RestError(400, 'ENTITY_TYPE_NOT_SUPPORTED', 'Entity type CONTACT is not supported');
  if (entityTypeId !== ENTITY_DEAL) throw new RestError(400, 'NOT_FOUND', 'SPA not found');
  const id = toInt(param(params, 'id'));
  const cat = core.state.categories.find((c) => c.entityTypeId === ENTITY_DEAL && c.id === id);
  if (!cat) throw new RestError(400, 'NOT_FOUND', 'Element not found');
  return cat;
}

/** crm-status-update.md / -delete.md: the legacy errors, admin first. */
function statusOf({ core, auth }: MethodContext, params: Record<string, unknown>) {
  if (!core.state.users.find((u) => u.id === auth.userId)?.admin) throw errors.legacy('Access denied.');
  const id = toInt(param(params, 'id'));
  if (id === undefined || id <= 0) throw errors.legacy('Invalid identifier.');
  const s = core.state.statuses.find((x) => x.id === id);
  if (!s) throw errors.legacy('Status is not found.');
  return s;
}

export const crmStagesMethods: MethodTable = {
  'crm.category.get': {
    scope: ['crm'],
    handler: (ctx, params) => {
      const c = dealCategoryOf(ctx, params);
      return { category: categoryView(c) };
    },
  },
  'crm.category.delete': {
    scope: ['crm'],
    handler: (ctx, params) => {
      if (!ctx.core.state.users.find((u) => u.id === ctx.auth.userId)?.admin) throw new RestError(400, 'ACCESS_DENIED', 'Access denied');
      const c = dealCategoryOf(ctx, params);
      if (c.isDefault) throw new RestError(400, '0', 'Default deal category cannot be deleted');
      const deals = ctx.core.state.items[ENTITY_DEAL] ?? [];
      if (deals.some((d) => Number(d.categoryId ?? 0) === c.id))
        throw new RestError(400, '0', `Deals related to the funnel ${c.name} found`);
      const s = ctx.core.state;
      s.categories = s.categories.filter((x) => x !== c);
      s.statuses = s.statuses.filter((x) => !(x.entityId === `DEAL_STAGE_${c.id}`));
      return null;
    },
  },
  'crm.status.update': {
    scope: ['crm'],
    handler: (ctx, params) => {
      const s = statusOf(ctx, params);
      const f = param(params, 'fields');
      if (!isRecord(f)) throw errors.legacy('Error on updating status.');
      // Only NAME, SORT and COLOR change (doc): the stage's code and group stay.
      const name = toStr(f.NAME);
      if (name !== undefined && name.trim()) s.name = name.trim();
      const sort = toInt(f.SORT);
      if (sort !== undefined) s.sort = sort;
      const color = toStr(f.COLOR);
      if (color) s.color = color;
      return true;
    },
  },
  'crm.status.delete': {
    scope: ['crm'],
    handler: (ctx, params) => {
      const s = statusOf(ctx, params);
      const p = param(params, 'params');
      const forced = isRecord(p) && toStr(p.FORCED) === 'Y';
      if (s.system && !forced)
        throw errors.legacy('CRM System Status can be deleted only if parameter FORCED is specified and equal to "Y".');
      const deals = ctx.core.state.items[ENTITY_DEAL] ?? [];
      if (s.entityId.startsWith('DEAL_STAGE') && deals.some((d) => d.stageId === s.statusId))
        throw errors.legacy('There are active items in this status.');
      ctx.core.state.statuses = ctx.core.state.statuses.filter((x) => x !== s);
      return true;
    },
  },
  'crm.category.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      const entityTypeId = toInt(param(params, 'entityTypeId'));
      if (entityTypeId === ENTITY_CONTACT) throw new RestError(400, 'ENTITY_TYPE_NOT_SUPPORTED', 'Entity type CONTACT is not supported');
      if (entityTypeId !== ENTITY_DEAL) throw new RestError(400, 'NOT_FOUND', 'SPA not found');
      if (!core.state.users.find((u) => u.id === auth.userId)?.admin) throw new RestError(400, 'ACCESS_DENIED', 'Access denied');
      const fields = param(params, 'fields');
      const name = isRecord(fields) ? (toStr(fields.name) ?? '').trim() : '';
      if (!name) throw new RestError(400, '0', "Field 'NAME' is required");
      const sortIn = isRecord(fields) ? toInt(fields.sort) : undefined;
      const sort = sortIn === undefined ? 500 : Math.max(0, sortIn);
      const id = nextIdOf(core.state, 'category', 1);
      const category = { id, entityTypeId, name: name.slice(0, 255), sort, isDefault: false };
      core.state.categories.push(category);
      addStages(core, ENTITY_DEAL, id, NEW_PIPELINE_STAGES);
      // In deals isDefault cannot be set (doc): always N.
      return { category: categoryView(category) };
    },
  },
  'crm.status.add': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      if (!core.state.users.find((u) => u.id === auth.userId)?.admin) throw errors.legacy('Access denied.');
      const f = param(params, 'fields');
      if (!isRecord(f)) throw errors.legacy('Invalid parameters.');
      const entityId = toStr(f.ENTITY_ID) ?? '';
      if (!entityId) throw errors.legacy('The field ENTITY_ID is required.');
      const m = /^DEAL_STAGE(?:_(\d+))?$/.exec(entityId);
      const categoryId = m ? Number(m[1] ?? 0) : NaN;
      if (!m || !core.state.categories.some((c) => c.entityTypeId === ENTITY_DEAL && c.id === categoryId))
        throw errors.legacy('Specified entity type is not supported.');
      const code = toStr(f.STATUS_ID) ?? '';
      if (!code) throw errors.legacy('The field STATUS_ID is required.');
      const name = (toStr(f.NAME) ?? '').trim();
      if (!name) throw errors.legacy('The field Title is required.');
      // A custom pipeline's stage gets its C<id>: prefix unless given with it (doc, "Field Features").
      const prefix = categoryId === 0 ? '' : `C${categoryId}:`;
      const bare = code.startsWith(prefix) ? code.slice(prefix.length) : code;
      if (!/^[A-Za-z0-9_-]+$/.test(bare) || bare.length > 22) throw errors.legacy('Invalid parameters.');
      const statusId = prefix + bare;
      const existing = stagesOf(core, ENTITY_DEAL, categoryId);
      if (existing.some((s) => s.statusId === statusId)) throw errors.badRequest('ERROR_CORE', 'The specified status ID already exists.');
      const sem = toStr(f.SEMANTICS);
      const semantics: StageStatus['semantics'] = sem === 'S' ? 'success' : sem === 'F' ? 'failure' : 'process';
      const sort = toInt(f.SORT) ?? 10;
      // In-progress stages sort before the success one (doc, "Restrictions for SORT").
      const won = existing.find((s) => s.semantics === 'success');
      if (semantics === 'process' && won && sort > won.sort)
        throw errors.legacy(
          'Cannot create more stages after the final stage because the final successful stage already exists. Try using sort order values less than that of the final stage.',
        );
      const id = nextIdOf(core.state, 'status', 100);
      const color = toStr(f.COLOR) || '#ACE9FB';
      core.state.statuses.push({ id, entityId, statusId, name, sort, system: false, categoryId, color, semantics });
      return id;
    },
  },
};
