// Table types for Kysely. Each feature adds its tables here next to its migration.
// Money columns are TEXT decimal strings or integer minor units — never REAL/float.

import type { LoanTables } from '../loans/tables.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends LoanTables {}
