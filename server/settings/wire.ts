import type { FastifyInstance } from 'fastify';
import {
  closeActivityProviders,
  configureActivities,
  forgetActivityProviders,
  type PortalProviderSettings,
} from '../activities/providers.js';
import { getProviderSettings, settingsVersions } from './settings-repo.js';
import { getLenderProfile } from './lender-profile.js';

// Feeds the activity blocks (send_sms, payout, call_script) from the per-portal settings store.
// providers.ts keeps one provider per portal (one bound SMPP session, its receipts subscribed to
// recordSmsStatus); this module builds the `settingsOf` it resolves from, caches it, and drops a
// portal's cached settings and providers when an admin saves (this process at once, other
// processes within SETTINGS_POLL_MS by comparing row versions).

declare module 'fastify' {
  interface FastifyInstance {
    /** Call after saving a portal's provider settings: the next block call uses the new ones. */
    invalidateProviderSettings(portalId: string): Promise<void>;
    /** Drops cached settings another process has changed since (run every SETTINGS_POLL_MS). */
    pollProviderSettings(): Promise<void>;
  }
}

const SETTINGS_POLL_MS = 15_000;
const MAX_CACHED_PORTALS = 10_000;

export function wireProviderSettings(app: FastifyInstance): void {
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
    if (sms && (sms.provider === 'smpp' || sms.provider === 'twilio')) out.sms = { provider: sms.provider, settings: sms.settings };
    if (payments && (payments.provider === 'openpay' || payments.provider === 'manual'))
      out.payments = { provider: payments.provider, settings: payments.settings };
    // Same order as settingsVersions (by kind): lender, payments, sms.
    const version = `${lender ? `lender:${lender.version};` : ''}${payments ? `payments:${payments.version};` : ''}${sms ? `sms:${sms.version};` : ''}`;
    if (cache.size >= MAX_CACHED_PORTALS) cache.delete(cache.keys().next().value as string);
    cache.set(portalId, { value: out.sms || out.payments || out.companyName ? out : undefined, version });
    return cache.get(portalId)!.value;
  };

  const invalidate = async (portalId: string) => {
    cache.delete(portalId);
    await forgetActivityProviders(portalId);
  };
  app.decorate('invalidateProviderSettings', invalidate);

  configureActivities({ settingsOf: async (portalId) => (cache.has(portalId) ? cache.get(portalId)!.value : load(portalId)) }, db);

  // Another process saved: its row version moved on.
  const poll = async () => {
    const ids = [...cache.keys()].slice(0, 1000);
    const versions = await settingsVersions(db, ids);
    for (const id of ids) if ((versions.get(id) ?? '') !== cache.get(id)?.version) await invalidate(id);
  };
  app.decorate('pollProviderSettings', poll);
  const timer = setInterval(
    () => void poll().catch((err: unknown) => app.log.warn({ err }, 'provider settings poll failed')),
    SETTINGS_POLL_MS,
  );
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await closeActivityProviders();
  });
}
