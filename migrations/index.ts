import type { Migration } from 'kysely';
import * as m202611220300 from './202611220300-loans.js';

// Ordered list of migrations. Names are YYYYMMDDHHMM-what; each file is frozen once landed
// (it takes Kysely<any> and never imports app code).
export const migrations: Record<string, Migration> = {
  '202611220300-loans': m202611220300,
};
