// All REST methods of the emulated portal, one table per area. Add an area by exporting a MethodTable
// from its own file and listing it here.
import type { MethodTable } from '../rest/registry.js';
import { systemMethods } from './system.js';
import { placementMethods } from './placement.js';
import { eventMethods } from './event.js';
import { eventOfflineMethods } from './event-offline.js';
import { bizprocMethods } from './bizproc.js';
import { messageserviceMethods } from './messageservice.js';
import { batchMethods } from './batch.js';
import { crmDealMethods } from './crm-deal.js';
import { crmItemMethods } from './crm-item.js';
import { crmContactMethods } from './crm-contact.js';
import { crmCompanyMethods } from './crm-company.js';
import { crmCurrencyMethods } from './crm-currency.js';
import { crmTypeMethods } from './crm-type.js';
import { crmStagesMethods } from './crm-stages.js';
import { crmAutomationTriggerMethods } from './crm-automation-trigger.js';
import { crmTimelineMethods } from './crm-timeline.js';
import { crmDocumentGeneratorMethods } from './crm-documentgenerator.js';
import { diskMethods } from './disk.js';
import { miscMethods } from './misc.js';
import { userfieldconfigMethods } from './userfieldconfig.js';

export function allMethods(extra: MethodTable[] = []): MethodTable {
  const tables = [
    systemMethods,
    placementMethods,
    eventMethods,
    eventOfflineMethods,
    bizprocMethods,
    messageserviceMethods,
    batchMethods,
    crmDealMethods,
    crmItemMethods,
    crmContactMethods,
    crmCompanyMethods,
    crmCurrencyMethods,
    crmTypeMethods,
    crmStagesMethods,
    crmAutomationTriggerMethods,
    crmTimelineMethods,
    crmDocumentGeneratorMethods,
    miscMethods,
    diskMethods,
    userfieldconfigMethods,
    ...extra,
  ];
  const out: MethodTable = {};
  for (const t of tables) for (const [name, def] of Object.entries(t)) out[name.toLowerCase()] = def;
  return out;
}
