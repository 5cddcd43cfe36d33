import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// Every variable the app reads. README's configuration table mirrors this schema; nothing else
// in the code reads process.env.
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PUBLIC_URL: Type.Optional(Type.String({ description: 'Public base URL of the app, used in handler URLs registered in portals' })),
  DATABASE_URL: Type.String({ default: 'sqlite:./data/b24-lending.db' }),
  B24_CLIENT_ID: Type.String({ default: 'local.b24lending.demo' }),
  B24_CLIENT_SECRET: Type.String({ default: 'demo-secret' }),
  B24_OAUTH_SERVER: Type.String({ default: 'https://oauth.bitrix.info' }),
  ENCRYPTION_KEY: Type.String({ minLength: 32, description: 'base64 of 32 random bytes (AES-256-GCM key for tokens and secrets at rest)' }),
  SESSION_SECRET: Type.String({ minLength: 32, description: 'HMAC key for widget sessions' }),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('trace'),
      Type.Literal('silent'),
    ],
    { default: 'info' },
  ),
  WORKER: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
  B24_RATE_BURST: Type.Integer({
    minimum: 1,
    default: 50,
    description:
      "The portal's leaky bucket size (Bitrix24: 50, Enterprise 250); the app's background calls keep a fifth of it (at most 10) free for users' frames",
  }),
  B24_RATE_DRAIN: Type.Number({
    minimum: 0.1,
    default: 2,
    description: 'Client-side bucket drain, requests/s per portal (Bitrix24: 2, Enterprise 5)',
  }),
  PORTAL_CLIENT_CACHE_SIZE: Type.Integer({ minimum: 1, default: 500, description: 'Portal clients kept in memory (LRU)' }),
  SESSION_TTL_SEC: Type.Integer({ minimum: 60, maximum: 43200, default: 900, description: 'Lifetime of widget/admin sessions' }),
  B24_PORTAL_DOMAINS: Type.String({
    default: '',
    description: 'Comma-separated host suffixes a portal may have (e.g. .bitrix24.com,.bitrix24.ru); empty = any (local emulator)',
  }),
  OUTBOX_POLL_MS: Type.Integer({ minimum: 10, default: 500, description: 'Outbox worker poll interval when idle' }),
  RESYNC_INTERVAL_MS: Type.Integer({
    minimum: 1000,
    default: 3_600_000,
    description: 'How often the scheduler (WORKER=on) checks that the loan resync of the current UTC day is queued; also at boot',
  }),
  PAYMENT_IMPORT_THREADS: Type.Integer({
    minimum: 1,
    maximum: 8,
    default: 1,
    description: 'Payment files parsed at once (one worker thread each)',
  }),
  PAYMENT_IMPORT_QUEUE: Type.Integer({
    minimum: 0,
    maximum: 100,
    default: 4,
    description: 'Payment files waiting for a parse thread; more get 429',
  }),
  PAYMENT_IMPORT_TIMEOUT_MS: Type.Integer({
    minimum: 1000,
    default: 60_000,
    description: 'A payment-file parse running longer is stopped and the file refused',
  }),
  PAYMENT_IMPORT_MEMORY_MB: Type.Integer({
    minimum: 32,
    default: 256,
    description: 'V8 heap of a payment-file parse thread; a file needing more is refused',
  }),
  PAYMENT_IMPORT_LEASE_MS: Type.Integer({
    minimum: 1000,
    default: 30_000,
    description: 'A queued or parsing payment import not renewed this long (its process died) reads as failed',
  }),
  MAIL_READER: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'on',
    description: "Read each portal's bank-reply mailbox (IMAP) in this process; the test harness sets off",
  }),
  MAIL_REPLY_TOKEN_KEY: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        'base64 of ≥ 32 bytes: HMAC key of the reply tokens in our Message-IDs and Reply-To addresses; unset = derived from ENCRYPTION_KEY',
    }),
  ),
  MAIL_POLL_MS: Type.Integer({
    minimum: 1000,
    default: 60_000,
    description: 'A mailbox reader checks its folder at least this often, besides IMAP IDLE',
  }),
  MAIL_CONNECT_TIMEOUT_MS: Type.Integer({
    minimum: 500,
    maximum: 30_000,
    default: 8_000,
    description: 'Mail servers: limit per step (connect, greeting, login) when sending and in the settings connection test',
  }),
  MAIL_MAX_MESSAGE_MB: Type.Integer({
    minimum: 1,
    maximum: 1024,
    default: 25,
    description: 'Largest bank e-mail (MiB, attachments in base64 included) the SMTP server accepts; a bigger one is refused at send',
  }),
  CHECKS_ALLOW_LOCAL_URLS: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'off',
    description: "Let a portal's HTTP applicant check call http:// and loopback/private addresses (demo and tests only)",
  }),
  DOCUMENT_PREVIEW: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'on',
    description: "A pack's documents get a PDF and a page-1 image from LibreOffice (off: 'preview unavailable')",
  }),
  DOCUMENT_PREVIEW_TIMEOUT_MS: Type.Integer({
    minimum: 1000,
    maximum: 50_000,
    default: 40_000,
    description: "One document's LibreOffice conversion running longer is stopped; the preview reads unavailable",
  }),
});

export type Config = Static<typeof ConfigSchema> & { PUBLIC_URL: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates configuration once, at boot. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.path.slice(1) || '(root)'}: ${e.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const cfg = withDefaults as Static<typeof ConfigSchema>;
  return { ...cfg, PUBLIC_URL: (cfg.PUBLIC_URL ?? `http://${cfg.HOST}:${cfg.PORT}`).replace(/\/+$/, '') };
}
