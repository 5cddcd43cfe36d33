import type { BatchCommand, BatchOutcome } from '../portal-client/portal-client.js';
import type { ReconcileClient } from './reconcile-client.js';
import { spaEntityId, spaFieldName, type LangText, type ManifestScheduleField } from './manifest.js';

// Creates the "Payment schedule" smart process's user fields (app.manifest.json scheduleFields)
// with userfieldconfig.list / userfieldconfig.add (doc: api-reference/crm/universal/userfieldconfig/
// userfieldconfig-list.md, userfieldconfig-add.md; scope `userfieldconfig`). List first, add only what
// is missing: a second install adds nothing. Fields are never deleted: they hold the lender's data.

export interface SpaFieldsOutcome {
  added: string[];
  skipped: string[];
  failures: string[];
}

interface ListedField {
  entityId?: string;
  fieldName?: string;
}

const isAlready = (code: string, description: string) => /ALREADY|EXIST/i.test(code) || /already|exist/i.test(description);

/**
 * typeId is the crm.type `id` (not entityTypeId): entityId CRM_<id> (doc: userfieldconfig/entity-id.md).
 * The list filter has no documented entityId key (userfieldconfig-list.md "Filterable Fields"), so
 * the crm module's fields are paged through (50 a page, `next`) and matched here. Bounded.
 */
export async function reconcileScheduleFields(
  client: ReconcileClient,
  typeId: number,
  fields: ManifestScheduleField[],
  lang: string,
): Promise<SpaFieldsOutcome> {
  const out: SpaFieldsOutcome = { added: [], skipped: [], failures: [] };
  if (fields.length === 0) return out;
  const entityId = spaEntityId(typeId);
  const have = new Set<string>();
  let start: number | undefined = 0;
  for (let pageNo = 0; start !== undefined && pageNo < 40; pageNo++) {
    const res: BatchOutcome<{ fields?: ListedField[] }> = await client.batch<{ fields?: ListedField[] }>({
      list: { method: 'userfieldconfig.list', params: { moduleId: 'crm', select: { 0: '*' }, start } },
    });
    const e = res.errors.list;
    if (e) {
      // An older install without the `userfieldconfig` scope: skip, the sync then writes only the
      // standard fields (title, dates, amount, stage) until the app is reinstalled with the scope.
      out.skipped.push(`schedule-fields (${e.code})`);
      return out;
    }
    for (const f of res.results.list?.fields ?? []) if (f.entityId === entityId && f.fieldName) have.add(f.fieldName);
    start = res.next.list;
  }

  const add: Record<string, BatchCommand> = {};
  for (const f of fields) {
    const name = spaFieldName(typeId, f.name);
    if (have.has(name)) continue;
    add[`spauf_${f.name}`] = {
      method: 'userfieldconfig.add',
      params: {
        moduleId: 'crm',
        field: {
          entityId,
          fieldName: name,
          userTypeId: f.type,
          xmlId: `b24lending_${f.key}`,
          sort: 100 + 10 * fields.indexOf(f),
          multiple: 'N',
          mandatory: 'N',
          showFilter: 'Y',
          editInList: 'N',
          editFormLabel: labels(f.label, lang),
        },
      },
    };
    out.added.push(`schedule-field:${name}`);
  }
  if (Object.keys(add).length === 0) return out;
  const res = await client.batch<unknown>(add);
  for (const [k, e] of Object.entries(res.errors)) {
    if (isAlready(e.code, e.description)) continue;
    out.failures.push(`userfieldconfig.add ${k.slice('spauf_'.length)}: ${e.code} ${e.description}`);
  }
  return out;
}

// editFormLabel takes a lang_map; the portal's own language comes first so it is never missing.
function labels(label: LangText, lang: string): LangText {
  return { [lang]: label[lang] ?? label.en ?? Object.values(label)[0] ?? '', ...label };
}
