import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createEmulator, createOAuthHub, type Emulator, type EmulatorOptions, type OAuthHub } from '../../emulator/index.js';
import { buildApp, type AppDeps } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Db } from '../../server/db/database.js';
import { createTestDb } from './test-db.js';
import { loadManifest } from '../../server/manifest/manifest.js';

// Test harness for the platform's emulator-driven tests: an emulator portal and our app listening
// on loopback (the emulator delivers events and install calls over HTTP), both on random ports.

export const TEST_CLIENT = { clientId: 'local.b24lending.test', clientSecret: 'test-client-secret' };
export const TEST_ENV = {
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SESSION_SECRET: 'test-session-secret-0123456789abcdef',
  LOG_LEVEL: 'silent',
  WORKER: 'off',
  MAIL_READER: 'off',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface AppUnderTest {
  app: FastifyInstance;
  url: string;
  config: Config;
  /** The OAuth server shared by several emulated portals, when the app was started against one. */
  oauthHub?: OAuthHub;
  close(): Promise<void>;
}

export async function startApp(
  db: Db,
  env: Record<string, string> = {},
  logger?: unknown,
  beforeListen?: (app: FastifyInstance) => void,
  activities?: AppDeps['activities'],
  mailDns?: AppDeps['mailDns'],
): Promise<AppUnderTest> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    ...TEST_ENV,
    B24_CLIENT_ID: TEST_CLIENT.clientId,
    B24_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    PUBLIC_URL: url,
    PORT: String(port),
    ...env,
  });
  const app = await buildApp({
    config,
    db,
    ...(logger ? { logger: logger } : {}),
    ...(activities ? { activities } : {}),
    ...(mailDns ? { mailDns } : {}),
  });
  beforeListen?.(app);
  await app.listen({ port, host: '127.0.0.1' });
  return { app, url, config, close: () => app.close() };
}

export interface Platform {
  em: Emulator;
  db: Db;
  a: AppUnderTest;
  /** REST call to the emulator with a fresh admin user token (what a test inspects the portal with). */
  portalCall<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  install(): Promise<string>;
  close(): Promise<void>;
}

export async function startPlatform(
  o: {
    emulator?: Partial<EmulatorOptions>;
    env?: Record<string, string>;
    db?: Db;
    logger?: unknown;
    beforeListen?: (app: FastifyInstance) => void;
    /** The robots' providers and tunables (test/activities-harness.ts passes local fakes). */
    activities?: AppDeps['activities'];
    /** The DNS the mail reader's sender checks ask (test/support/mail/dns-table.ts). */
    mailDns?: AppDeps['mailDns'];
    /** One OAuth server for this portal and every other one installed with installInto (two-portal tests). */
    oauthHub?: boolean;
  } = {},
): Promise<Platform> {
  const db = o.db ?? (await createTestDb());
  const em = await createEmulator({ ...TEST_CLIENT, rateLimit: false, ...o.emulator });
  const hub = o.oauthHub ? await createOAuthHub([em]) : undefined;
  const a = await startApp(db, { B24_OAUTH_SERVER: hub?.url ?? em.url, ...o.env }, o.logger, o.beforeListen, o.activities, o.mailDns);
  if (hub) a.oauthHub = hub;
  const p: Platform = {
    em,
    db,
    a,
    async portalCall<T>(method: string, params: Record<string, unknown> = {}) {
      const token = em.issueUserToken(1).accessToken;
      const r = await fetch(`${em.url}/rest/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...params, auth: token }),
      });
      const body = (await r.json()) as { result?: T; error?: string };
      if (body.error) throw new Error(`${method}: ${body.error}`);
      return body.result as T;
    },
    async install() {
      return installInto(em, a, db);
    },
    async close() {
      await a.close();
      await hub?.close();
      await em.close();
      if (!o.db) await db.close();
    },
  };
  return p;
}

/** Installs the app from `em` into the app under test through both documented paths; returns the portal id. */
export async function installInto(em: Emulator, a: AppUnderTest, db: Db): Promise<string> {
  // The app trusts a new portal only once the OAuth server knows its token: a second portal joins the hub.
  a.oauthHub?.add(em);
  // Granted exactly the scopes the manifest asks for, so a method outside them fails in tests as in a portal.
  const res = await em.installApp({
    handlerUrl: `${a.url}/install/callback`,
    installUrl: `${a.url}/install`,
    scope: loadManifest().scopes,
  });
  if (res.installEvent && res.installEvent.status !== 200)
    throw new Error(`ONAPPINSTALL answered ${res.installEvent.status} ${res.installEvent.error ?? ''}`);
  if (res.installFrame && res.installFrame.status !== 200) throw new Error(`install frame answered ${res.installFrame.status}`);
  em.finishInstall();
  const row = await db.kysely.selectFrom('portals').select('id').where('member_id', '=', em.memberId).executeTakeFirstOrThrow();
  return row.id;
}
