// Field tables of the CRM entities: legacy UPPER_CASE name ↔ crm.item camelCase name and the value kind.
// Shapes from the fixtures crm.deal.get / crm.item.add.deal / crm.contact.get (contract.md §7.1, §7.3, §7.7).

export type FieldKind = 'int' | 'float' | 'str' | 'date' | 'yn' | 'intList';

export interface FieldSpec {
  upper: string;
  camel: string;
  kind: FieldKind;
  title: string;
  readOnly?: boolean;
  immutable?: boolean;
  required?: boolean;
  statusType?: string;
  /** Present in crm.item answers only (no legacy counterpart). */
  itemOnly?: boolean;
  /** Present in legacy answers only. */
  legacyOnly?: boolean;
  /** crm.deal.fields `type` when not derived from the kind (crm_company, crm_contact …). */
  fieldType?: string;
  /** Link fields: the parent entity type (crm.deal.fields `settings.parentEntityTypeId`). */
  parentEntityTypeId?: number;
  deprecated?: boolean;
}

const f = (upper: string, camel: string, kind: FieldKind, title: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  upper,
  camel,
  kind,
  title,
  ...extra,
});
const item = (camel: string, kind: FieldKind): FieldSpec => ({ upper: '', camel, kind, title: camel, itemOnly: true });

/** The address block of contacts and companies. */
const ADDRESS_FIELDS: FieldSpec[] = [
  f('ADDRESS', 'address', 'str', 'Address'),
  f('ADDRESS_2', 'address2', 'str', 'Address (line 2)'),
  f('ADDRESS_CITY', 'addressCity', 'str', 'City'),
  f('ADDRESS_POSTAL_CODE', 'addressPostalCode', 'str', 'Zip'),
  f('ADDRESS_REGION', 'addressRegion', 'str', 'Region'),
  f('ADDRESS_PROVINCE', 'addressProvince', 'str', 'State / Province'),
  f('ADDRESS_COUNTRY', 'addressCountry', 'str', 'Country'),
];

/** The UTM block of deals, contacts and companies. */
const UTM_FIELDS: FieldSpec[] = [
  f('UTM_SOURCE', 'utmSource', 'str', 'Ad system'),
  f('UTM_MEDIUM', 'utmMedium', 'str', 'Traffic type'),
  f('UTM_CAMPAIGN', 'utmCampaign', 'str', 'Ad campaign UTM'),
  f('UTM_CONTENT', 'utmContent', 'str', 'Campaign contents'),
  f('UTM_TERM', 'utmTerm', 'str', 'Campaign search term'),
];

export const DEAL_FIELDS: FieldSpec[] = [
  f('ID', 'id', 'int', 'ID', { readOnly: true }),
  item('createdTime', 'date'),
  item('dateCreateShort', 'date'),
  item('updatedTime', 'date'),
  item('dateModifyShort', 'date'),
  f('CREATED_BY_ID', 'createdBy', 'int', 'Created by', { readOnly: true }),
  f('MODIFY_BY_ID', 'updatedBy', 'int', 'Modified by', { readOnly: true }),
  f('ASSIGNED_BY_ID', 'assignedById', 'int', 'Responsible person'),
  f('OPENED', 'opened', 'yn', 'Available to everyone'),
  f('LEAD_ID', 'leadId', 'int', 'Lead', { readOnly: true, fieldType: 'crm_lead', parentEntityTypeId: 1 }),
  f('COMPANY_ID', 'companyId', 'int', 'Company', { fieldType: 'crm_company', parentEntityTypeId: 4 }),
  f('CONTACT_ID', 'contactId', 'int', 'Contact', { fieldType: 'crm_contact', deprecated: true }),
  f('QUOTE_ID', 'quoteId', 'int', 'Estimate', { readOnly: true, fieldType: 'crm_quote', parentEntityTypeId: 7 }),
  f('TITLE', 'title', 'str', 'Name'),
  item('productId', 'int'),
  f('CATEGORY_ID', 'categoryId', 'int', 'Pipeline', { immutable: true }),
  f('STAGE_ID', 'stageId', 'str', 'Deal stage', { statusType: 'DEAL_STAGE' }),
  f('STAGE_SEMANTIC_ID', 'stageSemanticId', 'str', 'Stage group', { readOnly: true }),
  f('IS_NEW', 'isNew', 'yn', 'New deal', { readOnly: true }),
  f('IS_RECURRING', 'isRecurring', 'yn', 'Recurring deal'),
  f('IS_RETURN_CUSTOMER', 'isReturnCustomer', 'yn', 'Repeat deal', { readOnly: true }),
  f('IS_REPEATED_APPROACH', 'isRepeatedApproach', 'yn', 'Repeated inquiry', { readOnly: true }),
  f('CLOSED', 'closed', 'yn', 'Closed'),
  f('TYPE_ID', 'typeId', 'str', 'Type', { statusType: 'DEAL_TYPE' }),
  f('OPPORTUNITY', 'opportunity', 'float', 'Amount'),
  f('IS_MANUAL_OPPORTUNITY', 'isManualOpportunity', 'yn', 'Manual amount'),
  f('TAX_VALUE', 'taxValue', 'float', 'Tax rate'),
  f('CURRENCY_ID', 'currencyId', 'str', 'Currency'),
  f('PROBABILITY', 'probability', 'int', 'Probability'),
  f('COMMENTS', 'comments', 'str', 'Comment'),
  f('BEGINDATE', 'begindate', 'date', 'Start date'),
  item('begindateShort', 'date'),
  f('CLOSEDATE', 'closedate', 'date', 'End date'),
  item('closedateShort', 'date'),
  item('eventDate', 'date'),
  item('eventDateShort', 'date'),
  item('eventId', 'str'),
  item('eventDescription', 'str'),
  f('LOCATION_ID', 'locationId', 'str', 'Location'),
  item('webformId', 'int'),
  f('SOURCE_ID', 'sourceId', 'str', 'Source', { statusType: 'SOURCE' }),
  f('SOURCE_DESCRIPTION', 'sourceDescription', 'str', 'Source information'),
  f('ORIGINATOR_ID', 'originatorId', 'str', 'External source'),
  f('ORIGIN_ID', 'originId', 'str', 'Item ID in data source'),
  f('ADDITIONAL_INFO', 'additionalInfo', 'str', 'Additional information'),
  item('searchContent', 'str'),
  item('orderStage', 'str'),
  f('MOVED_BY_ID', 'movedBy', 'int', 'Moved by', { readOnly: true }),
  f('MOVED_TIME', 'movedTime', 'date', 'Moved on', { readOnly: true }),
  f('LAST_ACTIVITY_BY', 'lastActivityBy', 'int', 'Last activity by', { readOnly: true }),
  f('LAST_ACTIVITY_TIME', 'lastActivityTime', 'date', 'Last activity', { readOnly: true }),
  item('isWork', 'yn'),
  item('isWon', 'yn'),
  item('isLose', 'yn'),
  item('receivedAmount', 'float'),
  item('lostAmount', 'float'),
  item('hasProducts', 'yn'),
  ...UTM_FIELDS,
  item('observers', 'intList'),
  item('contactIds', 'intList'),
  f('DATE_CREATE', 'createdTime', 'date', 'Created on', { readOnly: true, legacyOnly: true }),
  f('DATE_MODIFY', 'updatedTime', 'date', 'Modified on', { readOnly: true, legacyOnly: true }),
];

export const CONTACT_FIELDS: FieldSpec[] = [
  f('ID', 'id', 'int', 'ID', { readOnly: true }),
  f('POST', 'post', 'str', 'Position'),
  f('COMMENTS', 'comments', 'str', 'Comment'),
  f('HONORIFIC', 'honorific', 'str', 'Salutation'),
  f('NAME', 'name', 'str', 'First name'),
  f('SECOND_NAME', 'secondName', 'str', 'Second name'),
  f('LAST_NAME', 'lastName', 'str', 'Last name'),
  f('PHOTO', 'photo', 'str', 'Photo'),
  f('LEAD_ID', 'leadId', 'int', 'Lead', { readOnly: true }),
  f('TYPE_ID', 'typeId', 'str', 'Contact type'),
  f('SOURCE_ID', 'sourceId', 'str', 'Source'),
  f('SOURCE_DESCRIPTION', 'sourceDescription', 'str', 'Source information'),
  f('COMPANY_ID', 'companyId', 'int', 'Company'),
  f('BIRTHDATE', 'birthdate', 'date', 'Date of birth'),
  f('EXPORT', 'export', 'yn', 'Included in export'),
  f('HAS_PHONE', 'hasPhone', 'yn', 'Has phone', { readOnly: true }),
  f('HAS_EMAIL', 'hasEmail', 'yn', 'Has email', { readOnly: true }),
  f('HAS_IMOL', 'hasImol', 'yn', 'Has Open Channel', { readOnly: true }),
  f('DATE_CREATE', 'createdTime', 'date', 'Created on', { readOnly: true }),
  f('DATE_MODIFY', 'updatedTime', 'date', 'Modified on', { readOnly: true }),
  f('ASSIGNED_BY_ID', 'assignedById', 'int', 'Responsible person'),
  f('CREATED_BY_ID', 'createdBy', 'int', 'Created by', { readOnly: true }),
  f('MODIFY_BY_ID', 'updatedBy', 'int', 'Modified by', { readOnly: true }),
  f('OPENED', 'opened', 'yn', 'Available to everyone'),
  f('ORIGINATOR_ID', 'originatorId', 'str', 'External source'),
  f('ORIGIN_ID', 'originId', 'str', 'Item ID in data source'),
  f('ORIGIN_VERSION', 'originVersion', 'str', 'Original version'),
  f('FACE_ID', 'faceId', 'int', 'Face ID'),
  f('LAST_ACTIVITY_TIME', 'lastActivityTime', 'date', 'Last activity', { readOnly: true }),
  ...ADDRESS_FIELDS,
  f('ADDRESS_LOC_ADDR_ID', 'addressLocAddrId', 'int', 'Location address ID'),
  ...UTM_FIELDS,
  f('LAST_ACTIVITY_BY', 'lastActivityBy', 'int', 'Last activity by', { readOnly: true }),
  item('observers', 'intList'),
];

/** Company fields — doc: api-reference/crm/companies/crm-company-get.md (the response example), crm-company-fields.md. */
export const COMPANY_FIELDS: FieldSpec[] = [
  f('ID', 'id', 'int', 'ID', { readOnly: true }),
  f('COMPANY_TYPE', 'typeId', 'str', 'Company type'),
  f('TITLE', 'title', 'str', 'Company name'),
  f('LOGO', 'logo', 'str', 'Logo'),
  f('LEAD_ID', 'leadId', 'int', 'Lead', { readOnly: true }),
  f('HAS_PHONE', 'hasPhone', 'yn', 'Has phone', { readOnly: true }),
  f('HAS_EMAIL', 'hasEmail', 'yn', 'Has email', { readOnly: true }),
  f('HAS_IMOL', 'hasImol', 'yn', 'Has Open Channel', { readOnly: true }),
  f('ASSIGNED_BY_ID', 'assignedById', 'int', 'Responsible person'),
  f('CREATED_BY_ID', 'createdBy', 'int', 'Created by', { readOnly: true }),
  f('MODIFY_BY_ID', 'updatedBy', 'int', 'Modified by', { readOnly: true }),
  f('BANKING_DETAILS', 'bankingDetails', 'str', 'Payment details'),
  f('INDUSTRY', 'industry', 'str', 'Industry'),
  f('REVENUE', 'revenue', 'str', 'Annual revenue'),
  f('CURRENCY_ID', 'currencyId', 'str', 'Currency'),
  f('EMPLOYEES', 'employees', 'str', 'Employees'),
  f('COMMENTS', 'comments', 'str', 'Comment'),
  f('DATE_CREATE', 'createdTime', 'date', 'Created on', { readOnly: true }),
  f('DATE_MODIFY', 'updatedTime', 'date', 'Modified on', { readOnly: true }),
  f('OPENED', 'opened', 'yn', 'Available to everyone'),
  f('IS_MY_COMPANY', 'isMyCompany', 'yn', 'My company'),
  f('ORIGINATOR_ID', 'originatorId', 'str', 'External source'),
  f('ORIGIN_ID', 'originId', 'str', 'Item ID in data source'),
  f('ORIGIN_VERSION', 'originVersion', 'str', 'Original version'),
  ...ADDRESS_FIELDS,
  f('ADDRESS_LEGAL', 'addressLegal', 'str', 'Legal address'),
  ...UTM_FIELDS,
  f('LAST_ACTIVITY_BY', 'lastActivityBy', 'int', 'Last activity by', { readOnly: true }),
  f('LAST_ACTIVITY_TIME', 'lastActivityTime', 'date', 'Last activity', { readOnly: true }),
  item('observers', 'intList'),
];

/** Leads through crm.item (entityTypeId 1), field list per the crm.item.get lead example (contract.md §7.3). */
export const LEAD_FIELDS: FieldSpec[] = [
  item('id', 'int'),
  item('createdTime', 'date'),
  item('dateCreateShort', 'date'),
  item('updatedTime', 'date'),
  item('dateModifyShort', 'date'),
  item('createdBy', 'int'),
  item('updatedBy', 'int'),
  item('assignedById', 'int'),
  item('opened', 'yn'),
  item('companyId', 'int'),
  item('contactId', 'int'),
  item('stageId', 'str'),
  item('isConvert', 'yn'),
  item('statusDescription', 'str'),
  item('stageSemanticId', 'str'),
  item('productId', 'int'),
  item('opportunity', 'float'),
  item('currencyId', 'str'),
  item('sourceId', 'str'),
  item('sourceDescription', 'str'),
  item('title', 'str'),
  item('name', 'str'),
  item('lastName', 'str'),
  item('secondName', 'str'),
  item('shortName', 'str'),
  item('companyTitle', 'str'),
  item('post', 'str'),
  item('address', 'str'),
  item('comments', 'str'),
  item('webformId', 'int'),
  item('originatorId', 'str'),
  item('originId', 'str'),
  item('dateClosed', 'date'),
  item('birthdate', 'date'),
  item('honorific', 'str'),
  item('hasPhone', 'yn'),
  item('hasEmail', 'yn'),
  item('hasImol', 'yn'),
  item('login', 'str'),
  item('isReturnCustomer', 'yn'),
  item('searchContent', 'str'),
  item('isManualOpportunity', 'yn'),
  item('movedBy', 'int'),
  item('movedTime', 'date'),
  item('lastActivityBy', 'int'),
  item('lastActivityTime', 'date'),
  item('utmSource', 'str'),
  item('utmMedium', 'str'),
  item('utmCampaign', 'str'),
  item('utmContent', 'str'),
  item('utmTerm', 'str'),
  item('skype', 'str'),
  item('icq', 'str'),
  item('observers', 'intList'),
  item('contactIds', 'intList'),
];

/** Smart-process items are crm.item-only. */
export const SPA_FIELDS: FieldSpec[] = [
  item('id', 'int'),
  item('xmlId', 'str'),
  item('title', 'str'),
  item('createdBy', 'int'),
  item('updatedBy', 'int'),
  item('movedBy', 'int'),
  item('createdTime', 'date'),
  item('updatedTime', 'date'),
  item('movedTime', 'date'),
  item('categoryId', 'int'),
  item('opened', 'yn'),
  item('stageId', 'str'),
  item('previousStageId', 'str'),
  item('begindate', 'date'),
  item('closedate', 'date'),
  item('companyId', 'int'),
  item('contactId', 'int'),
  item('opportunity', 'float'),
  item('isManualOpportunity', 'yn'),
  item('taxValue', 'float'),
  item('currencyId', 'str'),
  item('mycompanyId', 'int'),
  item('sourceId', 'str'),
  item('sourceDescription', 'str'),
  item('webformId', 'int'),
  item('assignedById', 'int'),
  item('lastActivityBy', 'int'),
  item('lastActivityTime', 'date'),
  item('observers', 'intList'),
  item('contactIds', 'intList'),
];

/**
 * UF_CRM_MANAGER_NOTE → ufCrmManagerNote, UF_CRM_1721244482250 → ufCrm_1721244482250,
 * UF_CRM_2_1639669411830 → ufCrm2_1639669411830 (contract.md §7.2).
 */
export function ufToCamel(upper: string): string {
  const parts = upper
    .replace(/^UF_CRM_/i, '')
    .split('_')
    .filter((p) => p !== '');
  let out = 'ufCrm';
  parts.forEach((p, i) => {
    if (/^\d+$/.test(p)) out += i === 0 && parts.length > 1 ? p : `_${p}`;
    else out += p[0]!.toUpperCase() + p.slice(1).toLowerCase();
  });
  return out;
}

// UNVERIFIED(b24): the inverse mapping is inferred from the documented examples.
export function ufToUpper(camel: string): string {
  const rest = camel.replace(/^ufCrm/, '');
  const tokens = rest.match(/^\d+|_\d+|[A-Z][a-z0-9]*/g) ?? [];
  return ['UF_CRM', ...tokens.map((t) => t.replace(/^_/, '').toUpperCase())].join('_');
}

export function byUpper(specs: FieldSpec[]): Map<string, FieldSpec> {
  return new Map(specs.filter((s) => s.upper !== '').map((s) => [s.upper, s]));
}

export function byCamel(specs: FieldSpec[]): Map<string, FieldSpec> {
  return new Map(specs.filter((s) => !s.legacyOnly).map((s) => [s.camel, s]));
}
