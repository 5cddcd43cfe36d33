// Creating, changing and deleting CRM records, with the stage rules and the events a portal fires.
import type { Core } from '../core.js';
import { ENTITY_COMPANY, ENTITY_CONTACT, ENTITY_DEAL, itemsOf } from '../state.js';
import type { CrmRecord } from '../records/crm.js';
import { COMPANY_FIELDS, CONTACT_FIELDS, DEAL_FIELDS, LEAD_FIELDS, SPA_FIELDS, type FieldSpec } from './fields.js';
import { addStages, DEFAULT_LEAD_STATUSES, ENTITY_LEAD, semanticLetter, stagesOf } from './stages.js';
import { isoDate, nextIdOf } from '../util.js';

export interface EntityInfo {
  entityTypeId: number;
  specs: FieldSpec[];
  /** Event name stem: ONCRMDEAL, ONCRMCONTACT, ONCRMCOMPANY, ONCRMDYNAMICITEM. */
  events: string;
  hasStages: boolean;
}

export class StageError extends Error {}

export function entityInfo(core: Core, entityTypeId: number): EntityInfo | undefined {
  if (entityTypeId === ENTITY_DEAL) return { entityTypeId, specs: DEAL_FIELDS, events: 'ONCRMDEAL', hasStages: true };
  if (entityTypeId === ENTITY_CONTACT) return { entityTypeId, specs: CONTACT_FIELDS, events: 'ONCRMCONTACT', hasStages: false };
  if (entityTypeId === ENTITY_COMPANY) return { entityTypeId, specs: COMPANY_FIELDS, events: 'ONCRMCOMPANY', hasStages: false };
  if (entityTypeId === ENTITY_LEAD) {
    // Lead statuses are created on first use, so older state files get them too.
    if (!core.state.statuses.some((s) => s.entityId === 'STATUS')) addStages(core, ENTITY_LEAD, 0, DEFAULT_LEAD_STATUSES);
    return { entityTypeId, specs: LEAD_FIELDS, events: 'ONCRMLEAD', hasStages: true };
  }
  const type = core.state.types.find((t) => t.entityTypeId === entityTypeId);
  if (!type) return undefined;
  return { entityTypeId, specs: SPA_FIELDS, events: 'ONCRMDYNAMICITEM', hasStages: type.flags.isStagesEnabled !== 'N' };
}

export function findRecord(core: Core, entityTypeId: number, id: number): CrmRecord | undefined {
  return itemsOf(core.state, entityTypeId).find((r) => r.id === id);
}

function defaultCategory(core: Core, entityTypeId: number): number {
  const cats = core.state.categories.filter((c) => c.entityTypeId === entityTypeId);
  return (cats.find((c) => c.isDefault) ?? cats[0])?.id ?? 0;
}

/** Fills categoryId/stageId and the derived stage fields; throws StageError for a stage outside the pipeline. */
function applyStage(core: Core, info: EntityInfo, rec: CrmRecord, userId: number, before?: CrmRecord): void {
  if (!info.hasStages) return;
  if (rec.categoryId === null || rec.categoryId === undefined) rec.categoryId = defaultCategory(core, info.entityTypeId);
  const stages = stagesOf(core, info.entityTypeId, rec.categoryId as number);
  if (
    rec.stageId === null ||
    rec.stageId === undefined ||
    rec.stageId === '' ||
    (before && before.categoryId !== rec.categoryId && rec.stageId === before.stageId)
  ) {
    rec.stageId = stages[0]?.statusId ?? null;
  }
  const stage = stages.find((s) => s.statusId === rec.stageId);
  if (!stage && stages.length > 0) throw new StageError(`Stage ${String(rec.stageId)} is not valid`);
  rec.stageSemanticId = semanticLetter(stage);
  if (info.entityTypeId === ENTITY_DEAL) rec.closed = rec.stageSemanticId === 'P' ? 'N' : 'Y';
  if (!before || before.stageId !== rec.stageId) {
    if (before && info.entityTypeId !== ENTITY_DEAL && info.entityTypeId !== ENTITY_CONTACT) rec.previousStageId = before.stageId;
    rec.movedBy = userId;
    rec.movedTime = isoDate();
  }
}

function syncContacts(rec: CrmRecord, patch: Record<string, unknown>): void {
  if (Array.isArray(patch.contactIds)) rec.contactId = (patch.contactIds[0] as number | undefined) ?? null;
  else if (patch.contactId !== undefined) rec.contactIds = rec.contactId ? [rec.contactId as number] : [];
}

function defaults(info: EntityInfo, userId: number): Record<string, unknown> {
  const now = isoDate();
  const base: Record<string, unknown> = {
    createdTime: now,
    updatedTime: now,
    createdBy: userId,
    updatedBy: userId,
    assignedById: userId,
    opened: 'Y',
    lastActivityBy: userId,
    lastActivityTime: now,
    observers: [],
  };
  if (info.entityTypeId === ENTITY_CONTACT) return { ...base, export: 'Y', hasPhone: 'N', hasEmail: 'N', hasImol: 'N', fm: [] };
  return {
    ...base,
    title: '',
    opportunity: 0,
    isManualOpportunity: 'N',
    taxValue: 0,
    currencyId: 'USD',
    contactIds: [],
    ...(info.entityTypeId === ENTITY_DEAL
      ? { typeId: 'SALE', isNew: 'Y', isRecurring: 'N', isReturnCustomer: 'N', isRepeatedApproach: 'N' }
      : {}),
  };
}

function fire(
  core: Core,
  info: EntityInfo,
  action: 'ADD' | 'UPDATE' | 'DELETE',
  id: number,
  userId: number | undefined,
  authConnector?: string,
): void {
  const fields: Record<string, string> = { ID: String(id) };
  if (info.events === 'ONCRMDYNAMICITEM') {
    fields.ENTITY_TYPE_ID = String(info.entityTypeId);
    core.events.emit(`${info.events}${action}_${info.entityTypeId}`, { FIELDS: fields }, { userId, authConnector });
  }
  core.events.emit(`${info.events}${action}`, { FIELDS: fields }, { userId, authConnector });
}

export function createRecord(core: Core, info: EntityInfo, patch: Record<string, unknown>, userId: number): CrmRecord {
  const id = nextIdOf(core.state, `entity:${info.entityTypeId}`);
  const rec: CrmRecord = { ...defaults(info, userId), ...patch, id, entityTypeId: info.entityTypeId };
  syncContacts(rec, patch);
  if (info.entityTypeId === ENTITY_DEAL && rec.contactId && (rec.contactIds as number[]).length === 0)
    rec.contactIds = [rec.contactId as number];
  applyStage(core, info, rec, userId);
  itemsOf(core.state, info.entityTypeId).push(rec);
  core.changed();
  fire(core, info, 'ADD', id, userId);
  return rec;
}

/** Returns undefined when the record does not exist. */
export function updateRecord(
  core: Core,
  info: EntityInfo,
  id: number,
  patch: Record<string, unknown>,
  userId: number,
  authConnector?: string,
): CrmRecord | undefined {
  const rec = findRecord(core, info.entityTypeId, id);
  if (!rec) return undefined;
  const before = { ...rec };
  const next: CrmRecord = { ...rec, ...patch, id, entityTypeId: info.entityTypeId, updatedBy: userId, updatedTime: isoDate() };
  syncContacts(next, patch);
  applyStage(core, info, next, userId, before);
  Object.assign(rec, next);
  core.changed();
  fire(core, info, 'UPDATE', id, userId, authConnector);
  return rec;
}

export function deleteRecord(core: Core, info: EntityInfo, id: number, userId: number): boolean {
  const list = itemsOf(core.state, info.entityTypeId);
  const i = list.findIndex((r) => r.id === id);
  if (i < 0) return false;
  list.splice(i, 1);
  core.changed();
  fire(core, info, 'DELETE', id, userId);
  return true;
}
