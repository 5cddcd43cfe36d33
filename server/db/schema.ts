// Table types for Kysely. Each feature adds its tables here next to its migration.
// Money columns are TEXT decimal strings or integer minor units — never REAL/float.

import type { PlatformTables } from '../portals/tables.js';
import type { LoanTables } from '../loans/tables.js';
import type { PayoutTables } from '../payouts/tables.js';
import type { SmsTables } from '../integrations/sms/sending/tables.js';
import type { ActivityTables } from '../activities/tables.js';
import type { SettingsTables } from '../settings/tables.js';
import type { CheckTables } from '../checks/tables.js';
import type { DocumentTables } from '../documents/tables.js';
import type { MailTables } from '../mail/inbox/tables.js';
import type { MailSettingsTables } from '../mail/settings/tables.js';
import type { MailApplyTables } from '../mail/apply/tables.js';
import type { PaymentImportTables } from '../payment-files/import/tables.js';
import type { LifecycleTables } from '../lifecycle/tables.js';
import type { ReminderTables } from '../reminders/tables.js';

export interface Database
  extends
    PlatformTables,
    LoanTables,
    PayoutTables,
    SmsTables,
    ActivityTables,
    SettingsTables,
    CheckTables,
    DocumentTables,
    MailTables,
    MailSettingsTables,
    MailApplyTables,
    PaymentImportTables,
    LifecycleTables,
    ReminderTables {}
