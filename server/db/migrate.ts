import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// Migrations only ever see an untyped handle (they are frozen in time).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
import { migrations } from '../../migrations/index.js';
import { fieldText } from '../portal-client/field-text.js';

// Migrations are listed statically (migrations/index.ts) so the bundle order is explicit and
// no file-system scan is needed at runtime.
class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  const migrator = new Migrator({ db: db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(fieldText(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsApplied(db: AnyDb): Promise<boolean> {
  const migrator = new Migrator({ db: db, provider: new StaticProvider() });
  const list = await migrator.getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}
