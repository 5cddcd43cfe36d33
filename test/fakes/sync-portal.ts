import { BATCH_LIMIT, type GatewayBatchCommand, type GatewayBatchOutcome, type PortalGateway } from '../../server/loans/portal-gateway.js';

// An in-memory stand-in for a portal's crm.item.* / crm.deal.get / crm.deal.update, for tests and the bench
// when the emulator is not used. Counts REST requests (a batch is one) and can lose the answer
// of the next batch after applying it, to exercise lost-write recovery.

export interface FakeItem {
  id: number;
  entityTypeId: number;
  fields: Record<string, unknown>;
}

export class FakePortal implements PortalGateway {
  calls = 0;
  commands = 0;
  readonly items = new Map<number, FakeItem>();
  readonly deals = new Map<number, Record<string, unknown>>();
  /** Deals deleted in the portal: crm.deal.get/update answer the legacy empty-code "Not found". */
  readonly deletedDeals = new Set<number>();
  private nextId = 1;
  /** When set, the next batch is applied but its answer is lost (the call throws). */
  loseNextAnswer = false;
  /** A plan that refuses smart-process items (crm-item-add.md: CREATE_DYNAMIC_ITEM_RESTRICTED). */
  itemsRestricted = false;

  async call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    this.calls++;
    const r = this.exec(method, params);
    if ('error' in r) throw new Error(`${r.error.code}: ${r.error.description}`);
    return r.result as T;
  }

  async batch<T>(commands: Record<string, GatewayBatchCommand>): Promise<GatewayBatchOutcome<T>> {
    this.calls++;
    const keys = Object.keys(commands);
    if (keys.length > BATCH_LIMIT) throw new Error('ERROR_BATCH_LENGTH_EXCEEDED');
    const out: GatewayBatchOutcome<T> = { results: {}, errors: {}, total: {}, next: {} };
    for (const k of keys) {
      this.commands++;
      const c = commands[k]!;
      const r = this.exec(c.method, c.params ?? {});
      if ('error' in r) out.errors[k] = r.error;
      else {
        out.results[k] = r.result as T;
        if (r.total !== undefined) out.total[k] = r.total;
        if (r.next !== undefined) out.next[k] = r.next;
      }
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new Error('socket hang up (answer lost after the portal applied the batch)');
    }
    return out;
  }

  /** A user deletes the deal (its items stay: UNVERIFIED(b24) whether a portal unlinks them). */
  deleteDeal(id: number): void {
    this.deals.delete(id);
    this.deletedDeals.add(id);
  }

  itemsOfDeal(entityTypeId: number, dealId: number): FakeItem[] {
    return [...this.items.values()]
      .filter((i) => i.entityTypeId === entityTypeId && i.fields.parentId2 === dealId)
      .sort((a, b) => a.id - b.id);
  }

  private exec(
    method: string,
    p: Record<string, unknown>,
  ): { result: unknown; total?: number; next?: number } | { error: { code: string; description: string } } {
    const notFound = { error: { code: 'NOT_FOUND', description: 'Element not found' } };
    const dealNotFound = { error: { code: '', description: 'Not found' } };
    switch (method) {
      case 'crm.item.add': {
        if (this.itemsRestricted)
          return {
            error: { code: 'CREATE_DYNAMIC_ITEM_RESTRICTED', description: 'You cannot create a new item due to your plan restrictions' },
          };
        const id = this.nextId++;
        const item = { id, entityTypeId: Number(p.entityTypeId), fields: { ...(p.fields as Record<string, unknown>) } };
        this.items.set(id, item);
        return { result: { item: { id, ...item.fields } } };
      }
      case 'crm.item.update': {
        const item = this.items.get(Number(p.id));
        if (!item || item.entityTypeId !== Number(p.entityTypeId)) return notFound;
        Object.assign(item.fields, p.fields as Record<string, unknown>);
        return { result: { item: { id: item.id, ...item.fields } } };
      }
      case 'crm.item.delete': {
        const item = this.items.get(Number(p.id));
        if (!item || item.entityTypeId !== Number(p.entityTypeId)) return notFound;
        this.items.delete(item.id);
        return { result: [] };
      }
      case 'crm.item.list': {
        const filter = (p.filter ?? {}) as Record<string, unknown>;
        const all = [...this.items.values()]
          .filter((i) => i.entityTypeId === Number(p.entityTypeId))
          .filter((i) => filter.parentId2 === undefined || i.fields.parentId2 === Number(filter.parentId2))
          .sort((a, b) => a.id - b.id);
        const start = Number(p.start ?? 0);
        const page = all.slice(start, start + 50).map((i) => ({ id: i.id, ...i.fields }));
        return { result: { items: page }, total: all.length, ...(start + 50 < all.length ? { next: start + 50 } : {}) };
      }
      case 'crm.deal.get': {
        const id = Number(p.id);
        return this.deletedDeals.has(id) ? dealNotFound : { result: { ID: String(id), ...(this.deals.get(id) ?? {}) } };
      }
      case 'crm.deal.update': {
        const id = Number(p.id);
        if (this.deletedDeals.has(id)) return dealNotFound;
        this.deals.set(id, { ...(this.deals.get(id) ?? {}), ...(p.fields as Record<string, unknown>) });
        return { result: true };
      }
      default:
        return { error: { code: 'ERROR_METHOD_NOT_FOUND', description: `Method not found: ${method}` } };
    }
  }
}
