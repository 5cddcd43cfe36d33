// Smart-process types, pipelines and stages — doc: api-reference/crm/universal/user-defined-object-types/crm-type-{add,list}.md,
// universal/category/crm-category-list.md, status/crm-status-list.md (contract.md §7.4–7.5).
import type { MethodTable } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import type { SmartProcessType } from '../records/crm.js';
import { ENTITY_CONTACT, ENTITY_DEAL } from '../state.js';
import { applyFilter, applyOrder, page, parseFilter } from '../crm/filter.js';
import { addStages, categoryView, DEFAULT_SPA_STAGES } from '../crm/stages.js';
import { assertCanAddType } from '../crm/plan.js';
import { isoDate, isRecord, nextIdOf, param, toInt, toStr } from '../util.js';

const FLAGS = [
  'isCategoriesEnabled',
  'isStagesEnabled',
  'isBeginCloseDatesEnabled',
  'isClientEnabled',
  'isUseInUserfieldEnabled',
  'isLinkWithProductsEnabled',
  'isMycompanyEnabled',
  'isDocumentsEnabled',
  'isSourceEnabled',
  'isObserversEnabled',
  'isRecyclebinEnabled',
  'isAutomationEnabled',
  'isBizProcEnabled',
  'isSetOpenPermissions',
  'isPaymentsEnabled',
  'isCountersEnabled',
];
const DEFAULT_FLAGS: Record<string, string> = { isStagesEnabled: 'Y', isSetOpenPermissions: 'Y', isClientEnabled: 'Y' };

function relationList(raw: unknown): unknown[] {
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? Object.values(raw) : [];
  return list.filter(isRecord).map((r) => ({
    entityTypeId: toInt(r.entityTypeId) ?? 0,
    isChildrenListEnabled:
      r.isChildrenListEnabled === 'true' || r.isChildrenListEnabled === true || r.isChildrenListEnabled === 'Y' ? 'Y' : 'N',
    isPredefined: 'N',
  }));
}

function typeView(t: SmartProcessType, withRelations: boolean): Record<string, unknown> {
  return {
    id: t.id,
    title: t.title,
    code: '',
    createdBy: 1,
    entityTypeId: t.entityTypeId,
    customSectionId: null,
    ...Object.fromEntries(FLAGS.map((f) => [f, t.flags[f] ?? 'N'])),
    createdTime: t.createdTime,
    updatedTime: t.createdTime,
    updatedBy: 1,
    ...(withRelations ? { relations: t.relations, linkedUserFields: {}, customSections: [] } : {}),
  };
}

export const crmTypeMethods: MethodTable = {
  'crm.type.add': {
    scope: ['crm'],
    adminOnly: true,
    handler: ({ core }, params) => {
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw new RestError(400, '100', "Expected iterable value for attribute 'fields'");
      const title = toStr(fields.title);
      if (!title) throw new RestError(400, 'INVALID_ARG_VALUE', 'Title is required');
      assertCanAddType(core);
      let entityTypeId = toInt(fields.entityTypeId);
      if (entityTypeId !== undefined) {
        const ok = (entityTypeId >= 128 && entityTypeId <= 192) || (entityTypeId >= 1030 && entityTypeId % 2 === 0);
        if (!ok || core.state.types.some((t) => t.entityTypeId === entityTypeId)) {
          throw new RestError(400, 'INVALID_ARG_VALUE', 'entityTypeId is out of range or already used');
        }
      } else {
        entityTypeId = 1030 + 2 * core.state.types.filter((t) => t.entityTypeId >= 1030).length;
        while (core.state.types.some((t) => t.entityTypeId === entityTypeId)) entityTypeId += 2;
      }
      const flags: Record<string, string> = { ...DEFAULT_FLAGS };
      for (const f of FLAGS) if (fields[f] !== undefined) flags[f] = String(fields[f]) === 'Y' ? 'Y' : 'N';
      const rel = isRecord(fields.relations) ? fields.relations : {};
      const type: SmartProcessType = {
        id: nextIdOf(core.state, 'type', 1),
        entityTypeId,
        title,
        flags,
        relations: { parent: relationList(rel.parent), child: relationList(rel.child) },
        createdTime: isoDate(),
      };
      core.state.types.push(type);
      // Every smart process has a default pipeline with its stages.
      const categoryId = nextIdOf(core.state, 'category', 1);
      core.state.categories.push({ id: categoryId, entityTypeId, name: 'General', sort: 500, isDefault: true });
      addStages(core, entityTypeId, categoryId, DEFAULT_SPA_STAGES);
      return { type: typeView(type, true) };
    },
  },
  'crm.type.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const get = (t: SmartProcessType, f: string): unknown => (typeView(t, false) as Record<string, unknown>)[f];
      const rows = applyOrder(applyFilter(core.state.types, parseFilter(param(params, 'filter')), get), param(params, 'order'), get, 'id');
      return page(rows, param(params, 'start'), (p) => ({ types: p.map((t) => typeView(t, true)) }));
    },
  },
  'crm.category.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const entityTypeId = toInt(param(params, 'entityTypeId'));
      const known = entityTypeId === ENTITY_DEAL || core.state.types.some((t) => t.entityTypeId === entityTypeId);
      if (!known)
        throw new RestError(400, 'NOT_FOUND', entityTypeId === ENTITY_CONTACT ? 'Categories are not supported' : 'Smart process not found');
      const rows = core.state.categories
        .filter((c) => c.entityTypeId === entityTypeId)
        .sort((a, b) => a.sort - b.sort || a.id - b.id)
        .map(categoryView);
      return page(rows, param(params, 'start'), (p) => ({ categories: p }));
    },
  },
  'crm.status.list': {
    scope: ['crm'],
    handler: ({ core }, params) => {
      const rows = core.state.statuses.map((s) => ({
        ID: String(s.id),
        ENTITY_ID: s.entityId,
        STATUS_ID: s.statusId,
        NAME: s.name,
        NAME_INIT: s.system ? s.name : '',
        SORT: String(s.sort),
        SYSTEM: s.system ? 'Y' : 'N',
        CATEGORY_ID: s.categoryId === 0 ? null : String(s.categoryId),
        COLOR: s.color,
        SEMANTICS: s.semantics === 'success' ? 'S' : s.semantics === 'process' ? null : 'F',
        EXTRA: { SEMANTICS: s.semantics, COLOR: s.color },
      }));
      const get = (r: Record<string, unknown>, f: string) => r[f.toUpperCase()];
      const filtered = applyFilter(rows, parseFilter(param(params, 'filter')), get);
      const ordered = applyOrder(filtered, param(params, 'order') ?? { SORT: 'ASC' }, get, 'ID');
      return page(ordered, param(params, 'start'), (p) => p);
    },
  },
};
