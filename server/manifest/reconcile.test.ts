import { describe, expect, it } from 'vitest';
import type { BatchCommand, BatchOutcome } from '../portal-client/portal-client.js';
import { loadManifest, spaFieldName, ufName, type AppManifest } from './manifest.js';
import { reconcileManifest, type ReconcileClient } from './reconcile.js';

// The reconcile logic against a tiny in-memory portal that also knows crm.type.* and
// crm.deal.userfield.* (which the emulator does not serve yet).

class FakePortal implements ReconcileClient {
  placements: { placement: string; handler: string; title: string }[] = [];
  events: { event: string; handler: string; offline?: number }[] = [];
  activities = new Set<string>();
  robots = new Set<string>();
  senders = new Set<string>();
  types: { id?: number; entityTypeId: number; title: string; relations: unknown }[] = [];
  fields: { FIELD_NAME: string }[] = [];
  spaFields: { entityId: string; fieldName: string; userTypeId: string; editFormLabel: Record<string, string> }[] = [];
  withUserfieldconfig = true;
  writes = 0;
  withCrm = true;
  /** A plan whose smart-process limit is reached (crm-type-add.md: CREATE_DYNAMIC_TYPE_RESTRICTED). */
  typesRestricted = false;

  private exec(method: string, p: Record<string, unknown>): unknown {
    const write = !/\.(get|list)$/.test(method);
    if (write) this.writes++;
    switch (method) {
      case 'placement.get':
        return this.placements;
      case 'placement.bind':
        this.placements.push({ placement: String(p.PLACEMENT), handler: String(p.HANDLER), title: String(p.TITLE) });
        return true;
      case 'placement.unbind':
        this.placements = this.placements.filter((x) => !(x.placement === p.PLACEMENT && x.handler === p.HANDLER));
        return { count: 1 };
      case 'event.get':
        return this.events;
      case 'event.bind':
        this.events.push({
          event: String(p.event),
          handler: typeof p.handler === 'string' ? p.handler : '',
          offline: p.event_type === 'offline' ? 1 : 0,
        });
        return true;
      case 'event.unbind':
        this.events = this.events.filter(
          (x) => !(x.event === p.event && (p.event_type === 'offline' ? x.offline === 1 : x.handler === p.handler && x.offline !== 1)),
        );
        return { count: 1 };
      case 'bizproc.activity.list':
        return [...this.activities];
      case 'bizproc.robot.list':
        return [...this.robots];
      case 'bizproc.robot.add':
        this.robots.add(String(p.CODE));
        return true;
      case 'bizproc.robot.delete':
        this.robots.delete(String(p.CODE));
        return true;
      case 'bizproc.robot.update':
        return true;
      case 'bizproc.activity.delete':
        this.activities.delete(String(p.CODE));
        return true;
      case 'messageservice.sender.list':
        return [...this.senders];
      case 'messageservice.sender.add':
        this.senders.add(String(p.CODE));
        return true;
      case 'messageservice.sender.delete':
        this.senders.delete(String(p.CODE));
        return true;
      case 'crm.type.list':
        if (!this.withCrm) throw { error: 'ERROR_METHOD_NOT_FOUND' };
        return { types: this.types };
      case 'crm.type.add': {
        if (this.typesRestricted) throw { error: 'CREATE_DYNAMIC_TYPE_RESTRICTED' };
        const f = p.fields as { title: string; relations: unknown };
        const t = { id: 7 + this.types.length, entityTypeId: 1030 + this.types.length * 2, title: f.title, relations: f.relations };
        this.types.push(t);
        return { type: t };
      }
      case 'crm.deal.userfield.list':
        if (!this.withCrm) throw { error: 'ERROR_METHOD_NOT_FOUND' };
        return this.fields;
      case 'crm.deal.userfield.add':
        this.fields.push({ FIELD_NAME: ufName(String((p.fields as { FIELD_NAME: string }).FIELD_NAME)) });
        return this.fields.length;
      case 'userfieldconfig.list':
        if (!this.withUserfieldconfig) throw { error: 'insufficient_scope' };
        return { fields: this.spaFields };
      case 'userfieldconfig.add': {
        const f = p.field as { entityId: string; fieldName: string; userTypeId: string; editFormLabel: Record<string, string> };
        if (p.moduleId !== 'crm') throw { error: '' };
        this.spaFields.push({ entityId: f.entityId, fieldName: f.fieldName, userTypeId: f.userTypeId, editFormLabel: f.editFormLabel });
        return { field: f };
      }
      default:
        throw { error: 'ERROR_METHOD_NOT_FOUND' };
    }
  }

  async batch<T>(commands: Record<string, BatchCommand>): Promise<BatchOutcome<T>> {
    const out: BatchOutcome<T> = { results: {}, errors: {}, total: {}, next: {} };
    for (const [k, c] of Object.entries(commands)) {
      try {
        out.results[k] = this.exec(c.method, c.params ?? {}) as T;
      } catch (e) {
        out.errors[k] = { code: (e as { error: string }).error, description: '' };
      }
    }
    return out;
  }
}

const URL_BASE = 'https://app.example.com';
const input = (m: AppManifest, known: number | null = null) => ({
  manifest: m,
  publicUrl: URL_BASE,
  lang: 'ru',
  manifestChanged: false,
  knownScheduleEntityTypeId: known,
  authUserId: 1,
});

describe('reconcileManifest', () => {
  it('adds everything once, including the smart process with its deal relation and the deal fields', async () => {
    const m = loadManifest();
    const portal = new FakePortal();
    const r1 = await reconcileManifest(portal, input(m));
    expect(portal.placements.map((p) => p.placement).sort()).toEqual(m.placements.map((p) => p.placement).sort());
    expect(portal.placements.find((p) => p.placement === 'CRM_DEAL_DETAIL_TAB')!.title).toBe('Заём');
    expect([...portal.robots].sort()).toEqual(m.activities.map((a) => a.code).sort());
    expect(portal.types).toHaveLength(1);
    expect(portal.types[0]!.title).toBe('График платежей');
    expect(portal.types[0]!.relations).toEqual({ parent: [{ entityTypeId: 2, isChildrenListEnabled: 'true' }] });
    expect(r1.scheduleEntityTypeId).toBe(1030);
    expect(portal.fields.map((f) => f.FIELD_NAME).sort()).toEqual(m.dealUserFields.map((f) => ufName(f.fieldName)).sort());
    expect(portal.fields.map((f) => f.FIELD_NAME)).toContain('UF_CRM_LOAN_DAYS_PAST_DUE');

    const writes = portal.writes;
    const r2 = await reconcileManifest(portal, input(m, r1.scheduleEntityTypeId));
    expect(portal.writes).toBe(writes);
    expect(r2).toMatchObject({ added: [], removed: [], updated: [], scheduleEntityTypeId: 1030 });
  });

  it('removes what a newer manifest dropped, never deletes data structures, adopts an existing smart process by title', async () => {
    const m = loadManifest();
    const portal = new FakePortal();
    portal.types.push({ entityTypeId: 1040, title: 'Payment schedule', relations: {} });
    await reconcileManifest(portal, input(m));
    expect(portal.types).toHaveLength(1);
    const smaller: AppManifest = {
      ...m,
      placements: m.placements.slice(0, 1),
      activities: m.activities.slice(1),
      smsSenders: [],
      events: m.events.slice(1),
      dealUserFields: [],
    };
    const r = await reconcileManifest(portal, { ...input(smaller, 1040), manifestChanged: true });
    expect(portal.placements).toHaveLength(1);
    expect(portal.robots.has(m.activities[0]!.code)).toBe(false);
    expect(portal.senders.size).toBe(0);
    expect(portal.events).toHaveLength(m.events.length - 1);
    expect(portal.fields).toHaveLength(m.dealUserFields.length); // kept: they hold data
    expect(r.updated.length).toBe(m.activities.length - 1);
    expect(r.scheduleEntityTypeId).toBe(1040);
  });

  it('creates the schedule user fields on CRM_<type id> (not the entityTypeId) once; a second run adds nothing', async () => {
    const m = loadManifest();
    const portal = new FakePortal();
    // Somebody else's field on another process must not count as ours.
    portal.spaFields.push({ entityId: 'CRM_99', fieldName: 'UF_CRM_99_PRINCIPAL', userTypeId: 'double', editFormLabel: {} });
    const r1 = await reconcileManifest(portal, input(m));
    expect(r1.scheduleTypeId).toBe(7);
    const ours = portal.spaFields.filter((f) => f.entityId === 'CRM_7');
    expect(ours.map((f) => `${f.fieldName} ${f.userTypeId}`).sort()).toEqual(
      m.scheduleFields.map((f) => `${spaFieldName(7, f.name)} ${f.type}`).sort(),
    );
    expect(ours.find((f) => f.fieldName === 'UF_CRM_7_BALANCE_AFTER')!.editFormLabel).toMatchObject({
      ru: 'Остаток после платежа',
      en: 'Balance after payment',
      es: 'Saldo después del pago',
    });
    const writes = portal.writes;
    const r2 = await reconcileManifest(portal, input(m, r1.scheduleEntityTypeId));
    expect(portal.writes).toBe(writes);
    expect(r2).toMatchObject({ added: [], scheduleTypeId: 7 });
    // A field deleted in the portal comes back, alone.
    portal.spaFields = portal.spaFields.filter((f) => f.fieldName !== 'UF_CRM_7_STATUS');
    const r3 = await reconcileManifest(portal, input(m, r1.scheduleEntityTypeId));
    expect(r3.added).toEqual(['schedule-field:UF_CRM_7_STATUS']);
  });

  it('skips the schedule fields when the app lacks the userfieldconfig scope (older installs)', async () => {
    const portal = new FakePortal();
    portal.withUserfieldconfig = false;
    const r = await reconcileManifest(portal, input(loadManifest()));
    expect(r.skipped).toContain('schedule-fields (insufficient_scope)');
    expect(portal.types).toHaveLength(1);
  });

  it('skips smart process and fields on a portal without those methods', async () => {
    const portal = new FakePortal();
    portal.withCrm = false;
    const r = await reconcileManifest(portal, input(loadManifest()));
    expect(r.skipped.join(' ')).toMatch(/smart-process.*deal-user-fields/);
    expect(portal.robots.size).toBeGreaterThan(0);
  });

  it('a plan without smart processes: everything else is registered, the limit is reported, nothing fails', async () => {
    const m = loadManifest();
    const portal = new FakePortal();
    portal.typesRestricted = true;
    const r = await reconcileManifest(portal, input(m));
    expect(r.planLimits).toEqual(['smart_process']);
    expect(r.scheduleEntityTypeId).toBeNull();
    expect(r.skipped).toContain('spa (CREATE_DYNAMIC_TYPE_RESTRICTED)');
    expect(portal.types).toHaveLength(0);
    expect(portal.placements).toHaveLength(m.placements.length);
    expect(portal.fields).toHaveLength(m.dealUserFields.length);
    // Upgraded plan: the next apply creates the smart process and reports no limit.
    portal.typesRestricted = false;
    const r2 = await reconcileManifest(portal, input(m));
    expect(r2).toMatchObject({ planLimits: [], scheduleEntityTypeId: 1030 });
  });
});
