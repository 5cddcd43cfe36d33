import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { createProviders, type PortalProviderSettings, type ProviderSettingsPort } from '../activities/providers.js';
import type { ActivityDeps, ActivitySetup } from '../activities/deps.js';
import { getProviderSettings, settingsVersions } from './settings-repo.js';
import { getLenderProfile } from './lender-profile.js';

// The activities' dependencies (`app.activities`), above all the providers port: each portal's SMS gateway and payout provider read from the
// per-portal settings store (or from the settings port a test passes in `activities.settings`).
// Settings are cached per portal and dropped, with the portal's providers, when an admin saves
// (this process at once, other processes within SETTINGS_POLL_MS by comparing row versions).

declare module 'fastify' {
  interface FastifyInstance {
    /** Each portal's providers and settings, and the sending/payout tunables: what activity jobs and routes use. */
    activities: ActivityDeps;
    /** Call after saving a portal's provider settings: the next block call uses the new ones. */
    invalidateProviderSettings(portalId: string): Promise<void>;
    /** Drops cached settings another process has changed since (run every SETTINGS_POLL_MS). */
    pollProviderSettings(): Promise<void>;
  }
}

const SETTINGS_POLL_MS = 15_000;
const MAX_CACHED_PORTALS = 10_000;

interface CachedSettings {
  port: ProviderSettingsPort;
  forget(portalId: string): void;
  /** Portals whose stored settings changed since they were cached. */
  stale(): Promise<string[]>;
}

function storedSettings(app: FastifyInstance): CachedSettings {
  const db = app.db.kysely;
  const cache = new Map<string, { value: PortalProviderSettings | undefined; version: string }>();
  const load = async (portalId: string): Promise<PortalProviderSettings | undefined> => {
    const [sms, payments, lender] = await Promise.all([
      getProviderSettings(db, app.secrets, portalId, 'sms'),
      getProviderSettings(db, app.secrets, portalId, 'payments'),
      getLenderProfile(db, portalId),
    ]);
    const out: PortalProviderSettings = {};
    if (lender?.companyName) out.companyName = lender.companyName;
    // Secrets that no longer open leave the provider unconfigured (a clear "not configured" for the
    // robot) rather than a client built without its password.
    if (sms && !sms.secretsUnreadable && (sms.provider === 'smpp' || sms.provider === 'twilio'))
      out.sms = { provider: sms.provider, settings: sms.settings };
    if (payments && !payments.secretsUnreadable && (payments.provider === 'openpay' || payments.provider === 'manual'))
      out.payments = { provider: payments.provider, settings: payments.settings };
    // Same order as settingsVersions (by kind): lender, payments, sms.
    const version = `${lender ? `lender:${lender.version};` : ''}${payments ? `payments:${payments.version};` : ''}${sms ? `sms:${sms.version};` : ''}`;
    if (cache.size >= MAX_CACHED_PORTALS) cache.delete(cache.keys().next().value as string);
    cache.set(portalId, { value: out.sms || out.payments || out.companyName ? out : undefined, version });
    return cache.get(portalId)!.value;
  };
  return {
    port: { settingsOf: async (portalId) => (cache.has(portalId) ? cache.get(portalId)!.value : load(portalId)) },
    forget: (portalId) => void cache.delete(portalId),
    async stale() {
      const ids = [...cache.keys()].slice(0, 1000);
      const versions = await settingsVersions(db, ids);
      return ids.filter((id) => (versions.get(id) ?? '') !== cache.get(id)?.version);
    },
  };
}

export interface ProviderSettingsOptions {
  activities?: ActivitySetup;
}

export const providerSettingsPlugin = fp<ProviderSettingsOptions>(
  async (app, opts) => {
    const { settings: given, createSmsProvider, ...options } = opts.activities ?? {};
    const stored = given ? undefined : storedSettings(app);
    const providers = createProviders(given ?? stored!.port, app.db.kysely, createSmsProvider ? { createSmsProvider } : {});
    app.decorate('activities', { providers, options } satisfies ActivityDeps);

    const invalidate = async (portalId: string) => {
      stored?.forget(portalId);
      await providers.forget(portalId);
    };
    app.decorate('invalidateProviderSettings', invalidate);
    // Another process saved: its row version moved on.
    const poll = async () => {
      for (const id of (await stored?.stale()) ?? []) await invalidate(id);
    };
    app.decorate('pollProviderSettings', poll);
    const timer = setInterval(
      () => void poll().catch((err: unknown) => app.log.warn({ err }, 'provider settings poll failed')),
      SETTINGS_POLL_MS,
    );
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await providers.close();
    });
  },
  // Secrets (decrypting stored provider settings) come from the platform.
  { name: 'provider-settings', dependencies: ['platform'] },
);
