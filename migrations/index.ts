import type { Migration } from 'kysely';

// Ordered list of migrations. Names are YYYYMMDDHHMM-what; each file is frozen once landed
// (it takes Kysely<any> and never imports app code).
export const migrations: Record<string, Migration> = {};
