// `npm run demo`: the app and a local Bitrix24 portal (the emulator) with demo data, on embedded
// SQLite, installed into each other through the real flow. State lives in ./data/ so a restart
// keeps deals, loans and the installation. Prints the portal URL to open and a webhook URL.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createEmulator } from '../emulator/index.js';
import type { DemoPortalLang } from '../emulator/options.js';
import { startDemoProviders } from './demo/providers.js';
import { startDemoMailSink } from './demo/mail-sink.js';
import { getLenderProfile, saveLenderProfile } from '../server/settings/lender-profile.js';
import { ENTITY_COMPANY, ENTITY_CONTACT, ENTITY_DEAL, itemsOf } from '../emulator/state.js';
import { demoPortfolioPlan, seedDemoPortfolio } from './demo/portfolio.js';
import { seedDemoDocuments } from './demo/document-packs.js';
import { ensureWidgetsBuilt } from './ensure-widgets-built.js';

const dataDir = resolve(process.env.DEMO_DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });

// Demo secrets are made once and kept beside the demo database; a real deployment sets its own.
const secretsFile = resolve(dataDir, 'demo-secrets.json');
if (!existsSync(secretsFile)) {
  writeFileSync(
    secretsFile,
    JSON.stringify({
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SESSION_SECRET: randomBytes(32).toString('base64'),
      B24_CLIENT_SECRET: randomBytes(16).toString('hex'),
    }),
    { mode: 0o600 },
  );
}
const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>;

const appPort = Number(process.env.PORT ?? 3000);
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 3001);
const clientId = process.env.B24_CLIENT_ID ?? 'local.b24lending.demo';

function demoPortalLang(v: string | undefined): DemoPortalLang {
  if (v === undefined || v === '' || v === 'en') return 'en';
  if (v === 'es' || v === 'ru') return v;
  throw new Error(`DEMO_PORTAL_LANG must be en, es or ru, not ${JSON.stringify(v)}`);
}
const emulator = await createEmulator({
  port: emulatorPort,
  host: '127.0.0.1',
  clientId,
  clientSecret: secrets.B24_CLIENT_SECRET!,
  redirectUri: `http://127.0.0.1:${appPort}/auth/callback`,
  stateFile: resolve(dataDir, 'emulator.json'),
  // DEMO_PORTAL_LANG=es|ru: a Spanish or Russian demo portal, its pipeline's stages named in that
  // language (stage names are the portal's, one language per portal); default the English one.
  seedDemoData: demoPortalLang(process.env.DEMO_PORTAL_LANG),
});

const config = loadConfig({
  ...process.env,
  PORT: String(appPort),
  HOST: process.env.HOST ?? '127.0.0.1',
  DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'b24-lending.db')}`,
  B24_CLIENT_ID: clientId,
  B24_CLIENT_SECRET: secrets.B24_CLIENT_SECRET,
  B24_OAUTH_SERVER: emulator.url,
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secrets.ENCRYPTION_KEY,
  SESSION_SECRET: process.env.SESSION_SECRET ?? secrets.SESSION_SECRET,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
// The tabs serve the widgets' built bundles: a fresh clone has none, a pull may have changed them.
await ensureWidgetsBuilt(resolve(import.meta.dirname, '..'), (line) => console.log(line));
const db = createDb(config.DATABASE_URL);
await migrateToLatest(db.kysely);
const app = await buildApp({ config, db });
await app.listen({ port: config.PORT, host: config.HOST });

// The real install flow: the portal opens our install page with the frame POST and sends
// ONAPPINSTALL to our handler; the admin's browser would then call installFinish from that page —
// here the demo does that step for the admin.
if (!emulator.state.app?.installed) {
  await emulator.installApp({
    installUrl: `${config.PUBLIC_URL}/install`,
    handlerUrl: `${config.PUBLIC_URL}/install/callback`,
    appUrl: `${config.PUBLIC_URL}/placements/settings`,
  });
  await emulator.idle();
  emulator.finishInstall();
  console.log('Installed b24-lending into the demo portal.');
}

// SMS and payout blocks: a local fake SMSC and a local fake OpenPay, saved as the portal's providers.
const demoPortal = await db.kysely.selectFrom('portals').select('id').where('member_id', '=', emulator.memberId).executeTakeFirst();
const demoProviders =
  demoPortal && process.env.DEMO_FAKE_PROVIDERS !== 'off'
    ? await startDemoProviders(app, demoPortal.id, (line) => console.log(line))
    : undefined;
if (demoProviders) {
  const { sms, payments } = demoProviders.configured;
  console.log(
    `SMS provider:    ${sms ? `LOCAL FAKE SMSC (SMPP) on 127.0.0.1:${demoProviders.smscPort} — nothing is really sent` : 'kept the settings an admin saved'}`,
  );
  console.log(
    `Payout provider: ${payments ? `LOCAL FAKE OpenPay at ${demoProviders.openpayUrl} — no money moves` : 'kept the settings an admin saved'}`,
  );
}

// Documents tab → "Send to banks": a local SMTP sink saved as the portal's outgoing mail account.
const demoMail =
  demoPortal && process.env.DEMO_FAKE_PROVIDERS !== 'off'
    ? await startDemoMailSink(app, demoPortal.id, (line) => console.log(line))
    : undefined;
if (demoMail) {
  console.log(
    `Outgoing mail:   ${demoMail.configured ? `LOCAL SMTP SINK on 127.0.0.1:${demoMail.port} — accepts and discards, nothing is delivered` : 'kept the SMTP account an admin saved'}`,
  );
}

// The lender's name the call scripts say, until an admin sets another (PUT /api/v1/settings/lender).
if (demoPortal && !(await getLenderProfile(db.kysely, demoPortal.id))) {
  await saveLenderProfile(db.kysely, demoPortal.id, { companyName: 'Financiera Demo' }, null);
  await app.invalidateProviderSettings(demoPortal.id);
}

// Loans in every stage on the demo deals, made through the app's own use cases (first start only).
if (demoPortal) {
  const deals = itemsOf(emulator.state, ENTITY_DEAL).map((d) => ({
    id: d.id,
    stage: String(d.stageId ?? '').replace(/^C\d+:/, ''),
    currency: String(d.currencyId ?? 'MXN'),
    amount: String(d.opportunity ?? '0'),
  }));
  const today = new Date().toISOString().slice(0, 10);
  const plans = demoPortfolioPlan(deals, today);
  const { seeded, failed } = await seedDemoPortfolio(db.kysely, demoPortal.id, plans);
  if (seeded.length > 0) {
    console.log(`Demo portfolio: ${seeded.length} loans saved, with their payments, through the app's own use cases:`);
    for (const plan of seeded) console.log(`  deal ${plan.dealId}: ${plan.shows}`);
  }
  for (const f of failed) console.log(`  deal ${f.dealId}: no demo loan — the app refused it: ${f.reason}`);
  // Document packs: catalog, banks, templates and values on several deals (first start only).
  // The contact's phone and the deal's company (the employer) go into the documents too, so a deal and its application show one person.
  const contacts = new Map(itemsOf(emulator.state, ENTITY_CONTACT).map((c) => [c.id, c]));
  const phoneOf = (contactId: unknown) =>
    ((contacts.get(Number(contactId))?.fm ?? []) as { typeId?: string; value?: string }[]).find((f) => f.typeId === 'PHONE')?.value;
  const companies = new Map(itemsOf(emulator.state, ENTITY_COMPANY).map((c) => [c.id, String(c.title ?? '')]));
  const titled = itemsOf(emulator.state, ENTITY_DEAL).map((d) => ({
    id: d.id,
    title: String(d.title ?? ''),
    currency: String(d.currencyId ?? 'MXN'),
    amount: String(d.opportunity ?? '0'),
    phone: phoneOf(d.contactId),
    employer: companies.get(Number(d.companyId)),
    contractDate: plans.find((p) => p.dealId === d.id)?.terms.contractDate ?? today,
  }));
  const documents = await seedDemoDocuments(db.kysely, app.secrets, demoPortal.id, titled);
  for (const line of documents.lines) console.log(line);
}

// An incoming webhook, as an admin makes one under Developer resources (made once, then kept).
if (emulator.state.webhooks.length === 0)
  await fetch(`${emulator.url}/emulator/api/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
const hook = emulator.state.webhooks[0];
console.log('');
console.log(`  Portal (open this):  ${emulator.url}/`);
console.log(`  App:                 ${config.PUBLIC_URL}/  (health: ${config.PUBLIC_URL}/healthz)`);
if (hook) console.log(`  Incoming webhook:    ${emulator.url}/rest/${hook.userId}/${hook.secret}/`);
console.log('');
console.log(`  Ctrl+C stops both; state is kept in ${dataDir}.`);

const stop = async () => {
  await app.close();
  await demoProviders?.close();
  await demoMail?.close();
  await db.close();
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
