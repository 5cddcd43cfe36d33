// What the installer does from app.manifest.json, done directly against an emulator for tests that
// drive the schedule sync without the platform: the "Payment schedule" smart process under deals,
// the deal's loan fields and the item fields (userfieldconfig.add, as server/manifest/reconcile.ts).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { HttpGateway } from './support/http-gateway.js';
import type { PortalLang } from '../server/loans/sync/item-text.js';
import { installedSyncTarget, type SyncTarget } from '../server/loans/sync/target.js';
import { loadManifest } from '../server/manifest/manifest.js';
import { reconcileScheduleFields } from '../server/manifest/spa-fields.js';

interface Manifest {
  dealUserFields: { fieldName: string; type: string; label: Record<string, string> }[];
  smartProcesses: { title: Record<string, string>; parents: number[]; fields: Record<string, string> }[];
}

export async function installScheduleTarget(gw: HttpGateway, lang: PortalLang = 'en'): Promise<SyncTarget> {
  const manifest = JSON.parse(readFileSync(new URL('../app.manifest.json', import.meta.url), 'utf8')) as Manifest;
  const spa = manifest.smartProcesses[0]!;
  const type = await gw.call<{ type: { id: number; entityTypeId: number } }>('crm.type.add', {
    fields: {
      title: spa.title[lang] ?? spa.title.en,
      relations: { parent: spa.parents.map((entityTypeId) => ({ entityTypeId, isChildrenListEnabled: 'true' })) },
      ...spa.fields,
    },
  });
  for (const f of manifest.dealUserFields)
    await gw.call('crm.deal.userfield.add', {
      fields: { FIELD_NAME: f.fieldName, USER_TYPE_ID: f.type, EDIT_FORM_LABEL: f.label[lang] ?? f.label.en },
    });
  const uf = await reconcileScheduleFields(gw, type.type.id, loadManifest().scheduleFields, lang);
  expect(uf.failures).toEqual([]);
  return installedSyncTarget(type.type.entityTypeId, type.type.id, lang);
}
