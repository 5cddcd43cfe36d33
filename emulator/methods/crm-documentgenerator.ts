// The CRM document generator as far as an app uploads ready documents —
// doc: api-reference/crm/document-generator/documents/crm-document-generator-document-upload.md
// (fields entityTypeId, entityId, fileContent, region, title, number required; pdfContent and
// imageContent optional; answers { document: {…} }; errors: `fields` missing or not an object → 100,
// required fields → code 0 "Empty required fields: …", a wrong entity → 0 "Wrong \"entityId\" field
// value", the module missing → empty code "Module documentgenerator is not installed", no permission →
// empty code "You do not have permissions to view documents"), and
// crm-document-generator-document-list.md (filter by the document's fields; { documents: […] }).
// state.portal.plan.documentGenerator === false: the plan has no document generator.
// UNVERIFIED(b24): the HTTP status of the empty-code errors (400 like the page's other errors).
import type { Core, AuthContext } from '../core.js';
import type { MethodTable } from '../rest/registry.js';
import { Paged } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import { findRecord } from '../crm/store.js';
import type { GeneratedDocument } from '../records/crm.js';
import { isRecord, isoDate, nextIdOf, param, toInt, toStr } from '../util.js';

const REQUIRED = ['entityTypeId', 'entityId', 'fileContent', 'region', 'title', 'number'] as const;
const PAGE = 50;

function available(core: Core, auth: AuthContext): void {
  if (core.state.portal.plan?.documentGenerator === false) throw new RestError(400, '', 'Module documentgenerator is not installed');
  const user = core.state.users.find((u) => u.id === auth.userId);
  if (!user || (!user.admin && user.documentsEdit === false)) throw new RestError(400, '', 'You do not have permissions to view documents');
}

function view(core: Core, d: GeneratedDocument): Record<string, unknown> {
  const base = `${core.baseUrl}/bitrix/services/main/ajax.php?SITE_ID=s1&id=${d.id}&action=crm.documentgenerator.document.`;
  return {
    id: String(d.id),
    title: d.title,
    number: d.number,
    templateId: '1',
    fileId: String(d.fileId),
    createTime: d.created,
    updateTime: d.created,
    createdBy: String(d.createdBy),
    updatedBy: null,
    stampsEnabled: false,
    isTransformationError: false,
    values: { _creationMethod: 'rest' },
    downloadUrl: `${base}download`,
    ...(d.hasPdf ? { pdfUrl: `${base}getPdf` } : {}),
    ...(d.hasImage ? { imageUrl: `${base}getImage` } : {}),
    publicUrl: null,
    entityTypeId: String(d.entityTypeId),
    entityId: String(d.entityId),
  };
}

export const crmDocumentGeneratorMethods: MethodTable = {
  'crm.documentgenerator.document.upload': {
    scope: ['crm'],
    notInBatch: true,
    handler: ({ core, auth }, params) => {
      const fields = param(params, 'fields');
      if (fields === undefined) throw new RestError(400, '100', 'Could not find value for parameter {fields}');
      if (!isRecord(fields))
        throw new RestError(400, '100', 'Invalid value {} to match with parameter {fields}. Should be value of type array.');
      available(core, auth);
      const empty = REQUIRED.filter((k) => {
        const v = fields[k];
        return v === undefined || v === null || v === '';
      });
      if (empty.length > 0) throw new RestError(400, '0', `Empty required fields: ${empty.join(', ')}`);
      const entityTypeId = toInt(fields.entityTypeId);
      if (entityTypeId === undefined || entityTypeId <= 0) throw new RestError(400, '0', 'Wrong "entityTypeId" field value');
      const entityId = toInt(fields.entityId);
      if (entityId === undefined || !findRecord(core, entityTypeId, entityId))
        throw new RestError(400, '0', 'Wrong "entityId" field value');
      const content = toStr(fields.fileContent) ?? '';
      const bytes = Buffer.from(content, 'base64');
      if (bytes.length === 0) throw new RestError(400, '0', 'Missing file content');
      const title = toStr(fields.title)!;
      const created = isoDate();
      const fileId = nextIdOf(core.state, 'file', 9000);
      core.state.files.push({
        id: fileId,
        folderId: 0,
        name: `${title}.docx`,
        size: bytes.length,
        contentBase64: content,
        createdBy: auth.userId,
        created,
      });
      const doc: GeneratedDocument = {
        id: nextIdOf(core.state, 'generatedDocument', 1),
        entityTypeId,
        entityId,
        title,
        number: toStr(fields.number)!,
        region: toStr(fields.region)!,
        fileId,
        hasPdf: typeof fields.pdfContent === 'string' && fields.pdfContent !== '',
        hasImage: typeof fields.imageContent === 'string' && fields.imageContent !== '',
        createdBy: auth.userId,
        created,
      };
      (core.state.generatedDocuments ??= []).push(doc);
      core.changed();
      return { document: view(core, doc) };
    },
  },
  'crm.documentgenerator.document.list': {
    scope: ['crm'],
    handler: ({ core, auth }, params) => {
      available(core, auth);
      const filter = param(params, 'filter');
      const start = toInt(param(params, 'start')) ?? 0;
      const matches = (d: GeneratedDocument): boolean => {
        if (!isRecord(filter)) return true;
        const v = view(core, d);
        return Object.entries(filter).every(([k, want]) => String(v[k.replace(/^=/, '')]) === String(want));
      };
      const all = (core.state.generatedDocuments ?? []).filter(matches).sort((a, b) => b.id - a.id);
      const page = all.slice(start, start + PAGE).map((d) => view(core, d));
      return new Paged({ documents: page }, all.length, start + PAGE < all.length ? start + PAGE : undefined);
    },
  },
};
