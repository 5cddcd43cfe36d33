import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

// The process: read config once, migrate, listen, close gracefully on signals.
const config = loadConfig(process.env);
const db = createDb(config.DATABASE_URL);
await migrateToLatest(db.kysely);
const app = await buildApp({ config, db });
app.server.requestTimeout = 30_000;
app.server.headersTimeout = 10_000;
closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'closing on error');
  await app.close();
  await db.close();
});
await app.listen({ port: config.PORT, host: config.HOST });
