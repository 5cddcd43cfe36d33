// The portal's whole memory. Plain JSON-able data so it can be dumped by GET /emulator/api/state and
// persisted to a file. Field names are the emulator's own (camelCase); wire shapes are produced by the
// method handlers (legacy UPPER_CASE for crm.deal.*, camelCase for crm.item.*).

import type { AppInstallation, AccessTokenRecord, RefreshTokenRecord, AuthCodeRecord, Webhook } from './records/app.js';
import type { PortalUser, Notification } from './records/users.js';
import type { Placement, EventBinding, BizprocRegistration, SmsSender } from './records/bindings.js';
import type { WorkflowToken, OfflineEvent, SmsMessage, ExternalCall } from './records/messages.js';
import type {
  DealUserField,
  Category,
  StageStatus,
  CrmRecord,
  SmartProcessType,
  TimelineComment,
  Todo,
  AutomationTrigger,
  FiredTrigger,
  StoredFile,
  GeneratedDocument,
} from './records/crm.js';

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
