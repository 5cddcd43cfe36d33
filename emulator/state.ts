// The portal's whole memory. Plain JSON-able data so it can be dumped by GET /emulator/api/state and
// persisted to a file. Field names are the emulator's own (camelCase); wire shapes are produced by the
// method handlers (legacy UPPER_CASE for crm.deal.*, camelCase for crm.item.*).

export type AppStatus = 'L' | 'F' | 'D' | 'T' | 'P';

export interface PortalUser {
  id: number;
  name: string;
  lastName: string;
  email: string;
  admin: boolean;
  /** Our demo role: admin, credit_manager, underwriter, manager, collector. */
  role: string;
  workPosition: string;
  gender: 'M' | 'F' | '';
  timeZone: string;
  departmentIds: number[];
  /** CRM role's read level on deals (crm/access.ts); unset = all. Admins read every deal. */
  dealRead?: 'all' | 'own' | 'none';
  /** CRM role's read level on companies (crm/access.ts); unset = all. Admins read every company. */
  companyRead?: 'all' | 'none';
  /** The document generator's "edit documents" permission (methods/crm-documentgenerator.ts); unset = granted. */
  documentsEdit?: boolean;
}

export interface AppInstallation {
  clientId: string;
  code: string;
  version: number;
  status: AppStatus;
  /** false until installFinish (apps with UI) or right after ONAPPINSTALL (apps without UI). */
  installed: boolean;
  applicationToken: string;
  scope: string[];
  handlerUrl?: string;
  installUrl?: string;
  /** The app card's "Your handler path": what the portal opens once the install is finished. */
  appUrl?: string;
  languageId: string;
  installedAt: string;
  /** Trial/paid period over: the OAuth server answers PAYMENT_REQUIRED, app.info PAYMENT_EXPIRED=Y. */
  paymentExpired?: boolean;
}

export interface AccessTokenRecord {
  userId: number;
  clientId: string;
  scope: string[];
  expiresAt: number; // unix seconds
}

export interface RefreshTokenRecord {
  userId: number;
  clientId: string;
  scope: string[];
  expiresAt: number;
}

export interface AuthCodeRecord {
  userId: number;
  clientId: string;
  state?: string;
  expiresAt: number;
}

export interface Webhook {
  id: number;
  userId: number;
  secret: string;
  scope: string[];
}

export interface Placement {
  id: number;
  placement: string;
  handler: string;
  title: string;
  description: string;
  groupName: string;
  langAll: Record<string, { TITLE?: string; DESCRIPTION?: string; GROUP_NAME?: string }>;
  options: Record<string, unknown>;
  userId: number;
}

export interface EventBinding {
  id: number;
  event: string; // UPPERCASE
  handler: string;
  authType: number; // 0 = the user who triggered the event
  offline: boolean;
  authConnector?: string;
  options?: Record<string, unknown>;
  boundBy: number;
}

export interface BizprocRegistration {
  code: string;
  handler: string;
  authUserId: number;
  useSubscription: string;
  name: unknown;
  description: unknown;
  properties: Record<string, unknown>;
  returnProperties: Record<string, unknown>;
  documentType?: unknown;
  filter?: unknown;
  usePlacement: string;
  placementHandler?: string;
}

/** One event_token handed to an activity handler; bizproc.event.send resolves it once. */
export interface WorkflowToken {
  eventToken: string;
  workflowId: string;
  code: string;
  used: boolean;
  returnValues?: Record<string, unknown>;
  logMessages: string[];
  createdAt: string;
  completedAt?: string;
}

/** One row of the offline event queue (contract.md §3.4): one record per object, the latest change. */
export interface OfflineEvent {
  id: number;
  timestamp: string;
  eventName: string;
  eventData: Record<string, unknown>;
  additional: Record<string, unknown>;
  messageId: string;
  processId: string;
  error: boolean;
  authConnector?: string;
}

export interface SmsSender {
  code: string;
  type: string;
  handler: string;
  name: unknown;
  description: unknown;
}

export interface SmsMessage {
  messageId: string;
  senderCode: string;
  to: string;
  body: string;
  status: string;
  history: { status: string; at: string }[];
}

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

export interface Notification {
  id: number;
  userId: number;
  message: string;
  tag?: string;
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

export interface ExternalCall {
  callId: string;
  userId: number;
  phoneNumber: string;
  type: number;
  crmEntityType?: string;
  crmEntityId?: number;
  finished: boolean;
  duration?: number;
  statusCode?: string;
  created: string;
}

export interface EmulatorState {
  /** baseCurrency: what crm.currency.base.get answers (USD when unset, as a new portal's CRM defaults). */
  portal: {
    memberId: string;
    languageId: string;
    license: string;
    baseCurrency?: string;
    /** Currencies created on the portal besides the base one (crm.currency.list); unset = the base only. */
    currencies?: string[];
    /** Plan limits on smart processes (crm/plan.ts); unset = none. */
    plan?: {
      smartProcessLimit?: number;
      smartProcessItemsRestricted?: boolean;
      /** false: the documentgenerator module is not available (methods/crm-documentgenerator.ts); unset = available. */
      documentGenerator?: boolean;
    };
  };
  users: PortalUser[];
  app: AppInstallation | null;
  tokens: {
    access: Record<string, AccessTokenRecord>;
    refresh: Record<string, RefreshTokenRecord>;
    codes: Record<string, AuthCodeRecord>;
  };
  webhooks: Webhook[];
  placements: Placement[];
  eventBindings: EventBinding[];
  offlineEvents: OfflineEvent[];
  activities: BizprocRegistration[];
  robots: BizprocRegistration[];
  workflowTokens: WorkflowToken[];
  smsSenders: SmsSender[];
  smsMessages: SmsMessage[];
  dealUserFields: DealUserField[];
  categories: Category[];
  statuses: StageStatus[];
  types: SmartProcessType[];
  /** Deals (entityTypeId 2), contacts (3) and smart-process items, keyed by entityTypeId. */
  items: Record<string, CrmRecord[]>;
  timeline: TimelineComment[];
  todos: Todo[];
  /** Legacy crm.activity.add records (UPPER_CASE as sent). */
  crmActivities: Record<string, unknown>[];
  notifications: Notification[];
  automationTriggers: AutomationTrigger[];
  firedTriggers: FiredTrigger[];
  files: StoredFile[];
  /** Optional: state files saved before the document generator was emulated lack it. */
  generatedDocuments?: GeneratedDocument[];
  /** The app's own Disk storage (disk.storage.getForApp), made on first use. */
  appStorage?: { id: number; rootFolderId: number };
  calls: ExternalCall[];
  /** Next id per sequence name. */
  seq: Record<string, number>;
}

export const ENTITY_DEAL = 2;
export const ENTITY_CONTACT = 3;
export const ENTITY_COMPANY = 4;

export function createEmptyState(memberId: string): EmulatorState {
  return {
    portal: { memberId, languageId: 'en', license: 'en_basic' },
    users: [
      {
        id: 1,
        name: 'Portal',
        lastName: 'Admin',
        email: 'admin@portal.test',
        admin: true,
        role: 'admin',
        workPosition: 'Administrator',
        gender: '',
        timeZone: 'UTC',
        departmentIds: [1],
      },
    ],
    app: null,
    tokens: { access: {}, refresh: {}, codes: {} },
    webhooks: [],
    placements: [],
    eventBindings: [],
    offlineEvents: [],
    activities: [],
    robots: [],
    workflowTokens: [],
    smsSenders: [],
    smsMessages: [],
    dealUserFields: [],
    categories: [{ id: 0, entityTypeId: ENTITY_DEAL, name: 'General', sort: 100, isDefault: true }],
    statuses: defaultDealStages(),
    types: [],
    items: { [ENTITY_DEAL]: [], [ENTITY_CONTACT]: [] },
    timeline: [],
    todos: [],
    crmActivities: [],
    notifications: [],
    automationTriggers: [],
    firedTriggers: [],
    files: [],
    calls: [],
    seq: { status: 100 },
  };
}

// The default pipeline's stages as a fresh cloud portal has them (contract.md §7.5).
function defaultDealStages(): StageStatus[] {
  const rows: [string, string, StageStatus['semantics'], string][] = [
    ['NEW', 'New', 'process', '#39A8EF'],
    ['PREPARATION', 'Preparing documents', 'process', '#2FC6F6'],
    ['PREPAYMENT_INVOICE', 'Invoice', 'process', '#55D0E0'],
    ['EXECUTING', 'In progress', 'process', '#47E4C2'],
    ['FINAL_INVOICE', 'Final invoice', 'process', '#FFA900'],
    ['WON', 'Deal won', 'success', '#7BD500'],
    ['LOSE', 'Deal lost', 'failure', '#FF5752'],
    ['APOLOGY', 'Analyze failure', 'failure', '#FF5752'],
  ];
  return rows.map(([statusId, name, semantics, color], i) => ({
    id: i + 1,
    entityId: 'DEAL_STAGE',
    statusId,
    name,
    sort: (i + 1) * 10,
    system: true,
    categoryId: 0,
    color,
    semantics,
  }));
}

/** Next id in a named sequence (ids start at 1, like a fresh portal's tables). */
export function nextId(state: EmulatorState, seq: string, start = 1): number {
  const n = state.seq[seq] ?? start;
  state.seq[seq] = n + 1;
  return n;
}

export function itemsOf(state: EmulatorState, entityTypeId: number): CrmRecord[] {
  const key = String(entityTypeId);
  let list = state.items[key];
  if (!list) {
    list = [];
    state.items[key] = list;
  }
  return list;
}
