import type { BatchOutcome } from '../portal-client/portal-client.js';
import { ufName, type AppManifest } from './manifest.js';
import { listOf, pickLang, type WritePlan } from './write-plan.js';

// The CRM structure the app's data lives in: the "Payment schedule" smart process and the deal user
// fields (contract.md §7.2, §7.4). Only ever added, never deleted: they hold the lender's data.

/** Smart process "Payment schedule": found by the entityTypeId we stored, else by any of its titles. */
export function planSmartProcess(plan: WritePlan, m: AppManifest, knownEntityTypeId: number | null, read: BatchOutcome): void {
  const spa = m.smartProcesses[0];
  if (read.errors.types) {
    plan.report.skipped.push(`smart-process (${read.errors.types.code})`);
  } else if (spa) {
    const types = listOf<{ id: number; entityTypeId: number; title: string }>(read.results.types);
    const titles = new Set(Object.values(spa.title));
    const found = types.find((t) => Number(t.entityTypeId) === knownEntityTypeId) ?? types.find((t) => titles.has(t.title));
    if (found) {
      plan.report.scheduleEntityTypeId = Number(found.entityTypeId);
      plan.report.scheduleTypeId = Number(found.id);
    } else {
      plan.add.spa = {
        method: 'crm.type.add',
        params: {
          fields: {
            title: pickLang(spa.title, plan.lang),
            ...spa.fields,
            relations: { parent: spa.parents.map((id) => ({ entityTypeId: id, isChildrenListEnabled: 'true' })) },
          },
        },
      };
      plan.report.added.push(`smart-process:${spa.code}`);
    }
  }
}

/** Deal user fields. */
export function planDealFields(plan: WritePlan, m: AppManifest, read: BatchOutcome): void {
  if (read.errors.fields) {
    plan.report.skipped.push(`deal-user-fields (${read.errors.fields.code})`);
  } else {
    const have = new Set(listOf<{ FIELD_NAME: string }>(read.results.fields).map((f) => f.FIELD_NAME));
    for (const f of m.dealUserFields) {
      if (have.has(ufName(f.fieldName))) continue;
      plan.add[plan.key('uf_' + f.fieldName)] = {
        method: 'crm.deal.userfield.add',
        params: {
          fields: {
            FIELD_NAME: f.fieldName,
            USER_TYPE_ID: f.type,
            XML_ID: f.fieldName,
            EDIT_FORM_LABEL: f.label,
            LIST_COLUMN_LABEL: f.label,
            LIST_FILTER_LABEL: f.label,
            LABEL: pickLang(f.label, plan.lang),
          },
        },
      };
      plan.report.added.push(`field:${ufName(f.fieldName)}`);
    }
  }
}
