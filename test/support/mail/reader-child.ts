// A mailbox reader in its own process, as the app would run it (tsx, Node ESM), for the
// exactly-once test: it reads the env, runs until SIGTERM (clean stop) or SIGKILL (the crash under
// test), and prints one line per recorded reply.
import { createDb } from '../../../server/db/database.js';
import { MailboxReader } from '../../../server/mail/inbox/mailbox-reader.js';
import { FIXTURE_KEY, FIXTURE_PORTAL } from './fixture-key.js';

const env = (k: string): string => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is required`);
  return v;
};

const db = createDb(env('MAIL_DB_URL'));
const noDns = async (name: string): Promise<never> => {
  throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};
const reader = new MailboxReader({
  db: db.kysely,
  dialect: db.dialect,
  account: { host: '127.0.0.1', port: Number(env('MAIL_IMAP_PORT')), secure: false, user: env('MAIL_USER'), pass: env('MAIL_PASS') },
  context: {
    portalId: FIXTURE_PORTAL,
    tokenKey: FIXTURE_KEY,
    forwarders: [],
    policyFor: (bankId) => ({ bankId, allowedSenders: ['@banco-norte.example'], authentication: 'off', band: { min: '0.5', max: '1' } }),
    requestFor: () => null,
    resolver: noDns,
  },
  log: { info: () => undefined, warn: (o, msg) => process.stderr.write(`${msg} ${JSON.stringify(o)}\n`) },
  workerId: env('MAIL_WORKER'),
  batchSize: 5,
  leaseMs: Number(process.env.MAIL_LEASE_MS ?? 1500),
  pollMs: 300,
  onRecorded: (id, duplicate) => process.stdout.write(`recorded ${id}${duplicate ? ' duplicate' : ''}\n`),
});

process.on('SIGTERM', () => {
  void reader
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
await reader.start();
process.stdout.write('started\n');
