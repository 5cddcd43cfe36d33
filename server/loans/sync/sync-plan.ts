import type { GatewayBatchCommand } from '../portal-gateway.js';
import type { PortalItemLink } from '../portal-item-repo.js';
import type { DesiredItem } from './portal-fields.js';
import type { SyncReport } from './sync-report.js';
import type { SyncTarget } from './target.js';
import { AUTH_CONNECTOR } from '../../portal-client/auth-connector.js';

// What one sync sends: the deal update, then item updates, adds and deletes (syncLoanToPortal).

export type Op =
  | { kind: 'deal'; key: string; cmd: GatewayBatchCommand; hash: string }
  | { kind: 'add'; key: string; cmd: GatewayBatchCommand; item: DesiredItem }
  | { kind: 'update'; key: string; cmd: GatewayBatchCommand; item: DesiredItem; link: PortalItemLink }
  | { kind: 'delete'; key: string; cmd: GatewayBatchCommand; installment: number | null; itemId: number };

/** The ops that converge the portal to `items`, given the links we hold; counts unchanged items in `report`. */
export function plan(
  items: DesiredItem[],
  links: PortalItemLink[],
  extraDeletes: number[],
  target: SyncTarget,
  deal: { fields: Record<string, unknown>; hash: string } | null,
  dealId: number,
  report: SyncReport,
  force: boolean,
): Op[] {
  const ops: Op[] = [];
  const e = target.entityTypeId;
  // The deal update goes first, so it rides in the first batch.
  if (deal)
    ops.push({
      kind: 'deal',
      key: 'deal',
      hash: deal.hash,
      cmd: {
        method: 'crm.deal.update',
        params: { id: dealId, fields: deal.fields, params: { REGISTER_SONET_EVENT: 'N' }, auth_connector: AUTH_CONNECTOR },
      },
    });
  const byN = new Map(links.map((l) => [l.installment, l]));
  for (const item of items) {
    const link = byN.get(item.installment);
    if (!link)
      ops.push({
        kind: 'add',
        key: `a${item.installment}`,
        item,
        cmd: { method: 'crm.item.add', params: { entityTypeId: e, fields: item.fields } },
      });
    else if (force || link.fieldsHash !== item.hash)
      ops.push({
        kind: 'update',
        key: `u${item.installment}`,
        item,
        link,
        cmd: { method: 'crm.item.update', params: { entityTypeId: e, id: link.itemId, fields: item.fields } },
      });
    else report.unchanged++;
  }
  const wanted = new Set(items.map((i) => i.installment));
  for (const l of links)
    if (!wanted.has(l.installment))
      ops.push({
        kind: 'delete',
        key: `d${l.itemId}`,
        installment: l.installment,
        itemId: l.itemId,
        cmd: { method: 'crm.item.delete', params: { entityTypeId: e, id: l.itemId } },
      });
  for (const id of extraDeletes)
    ops.push({
      kind: 'delete',
      key: `d${id}`,
      installment: null,
      itemId: id,
      cmd: { method: 'crm.item.delete', params: { entityTypeId: e, id } },
    });
  return ops;
}
