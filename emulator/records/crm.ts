// CRM records: items of every entity type, their fields, pipelines and stages, timeline comments, to-dos,
// automation triggers, generated documents and the Disk files behind them.

export interface DealUserField {
  id: number;
  fieldName: string;
  userTypeId: string;
  multiple: boolean;
  mandatory: boolean;
  label: unknown;
  settings: unknown;
  list?: unknown;
  sort: number;
  xmlId?: string;
}

export interface Category {
  id: number;
  entityTypeId: number;
  name: string;
  sort: number;
  isDefault: boolean;
}

export interface StageStatus {
  id: number;
  entityId: string; // DEAL_STAGE, DEAL_STAGE_<cat>, DYNAMIC_<type>_STAGE_<cat>
  statusId: string;
  name: string;
  sort: number;
  system: boolean;
  categoryId: number;
  color: string;
  semantics: 'process' | 'success' | 'failure' | 'apology';
}

/** A CRM item of any entity type, stored in crm.item camelCase form with native types. */
export type CrmRecord = Record<string, unknown> & { id: number; entityTypeId: number };

export interface SmartProcessType {
  id: number;
  entityTypeId: number;
  title: string;
  flags: Record<string, string>;
  relations: { parent: unknown[]; child: unknown[] };
  createdTime: string;
}

export interface TimelineComment {
  id: number;
  entityType: string;
  entityId: number;
  comment: string;
  authorId: number;
  files: string[];
  created: string;
}

export interface Todo {
  id: number;
  ownerTypeId: number;
  ownerId: number;
  deadline: string;
  title: string;
  description: string;
  responsibleId: number;
  created: string;
}

/** An app's robot trigger (crm.automation.trigger.add) and each execution of one (for tests to assert). */
export interface AutomationTrigger {
  code: string;
  name: string;
}

export interface FiredTrigger {
  code: string;
  ownerTypeId: number;
  ownerId: number;
  at: string;
}

export interface StoredFile {
  id: number;
  folderId: number;
  name: string;
  size: number;
  contentBase64: string;
  createdBy: number;
  created: string;
}

/** A document attached to a CRM item through crm.documentgenerator.document.upload. */
export interface GeneratedDocument {
  id: number;
  entityTypeId: number;
  entityId: number;
  title: string;
  number: string;
  region: string;
  /** The .docx in state.files (its Disk file). */
  fileId: number;
  hasPdf: boolean;
  hasImage: boolean;
  createdBy: number;
  created: string;
}
