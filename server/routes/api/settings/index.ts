import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';
import { checkProvider } from '../../../settings/check-provider.js';
import { PROVIDER_SPECS, providerSpec, type ProviderSpec } from '../../../settings/provider-schemas.js';
import { getProviderSettings, listMaskedSettings, saveProviderSettings } from '../../../settings/settings-repo.js';
import type { SettingsKind } from '../../../settings/tables.js';
import { ErrorReply, KindParam, SaveBody, SaveReply, SettingsReply, TestBody, TestReply } from '../../../../wire/providers.js';

// Provider settings of the caller's portal (SMS gateway, payout provider): portal administrators
// only, scoped by the session's portal. Secrets are write-only: replies say "set" / "not set".

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply };

const providerList = (kind: SettingsKind) => {
  // Widened to the common spec type: Object.values over the `as const` union of two kinds reads as any.
  const specs: Record<string, ProviderSpec> = PROVIDER_SPECS[kind];
  return Object.values(specs).map((p) => ({ code: p.code, secretFields: [...p.secretFields], schema: p.schema }));
};

export const settingsRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;
  const admin = requireSession({ admin: true });

  app.get('/api/v1/settings/providers', { preHandler: admin, schema: { response: { 200: SettingsReply, ...errors } } }, async (req) => ({
    settings: await listMaskedSettings(db(), app.secrets, req.session!.portalId),
    providers: { sms: providerList('sms'), payments: providerList('payments') },
  }));

  app.put(
    '/api/v1/settings/providers/:kind',
    { preHandler: admin, schema: { params: KindParam, body: SaveBody, response: { 200: SaveReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const kind = req.params.kind;
      await saveProviderSettings(db(), app.secrets, s.portalId, kind, {
        provider: req.body.provider,
        settings: req.body.settings,
        userId: s.userId,
      });
      await app.invalidateProviderSettings(s.portalId);
      req.log.info({ portalId: s.portalId, kind, provider: req.body.provider }, 'provider settings saved');
      const saved = (await listMaskedSettings(db(), app.secrets, s.portalId)).find((m) => m.kind === kind)!;
      return { settings: saved };
    },
  );

  app.post(
    '/api/v1/settings/providers/:kind/test',
    { preHandler: admin, schema: { params: KindParam, body: TestBody, response: { 200: TestReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const kind = req.params.kind;
      const stored = await getProviderSettings(db(), app.secrets, s.portalId, kind);
      const provider = req.body.provider ?? stored?.provider;
      if (!provider) throw new AppError('NOT_FOUND', `no ${kind} settings`, { key: 'PROVIDER_NOT_CONFIGURED', params: { kind } });
      const spec = providerSpec(kind, provider);
      if (!spec) throw new AppError('VALIDATION', `unknown ${kind} provider`, { key: 'PROVIDER_UNKNOWN', params: { kind, provider } });
      let settings = stored?.provider === provider ? stored.settings : {};
      if (req.body.settings) {
        const kept = Object.fromEntries(
          spec.secretFields.filter((f) => req.body.settings![f] === undefined && settings[f] !== undefined).map((f) => [f, settings[f]]),
        );
        settings = { ...req.body.settings, ...kept };
      }
      const r = await checkProvider(kind, provider, settings);
      req.log.info({ portalId: s.portalId, kind, provider, ok: r.ok }, 'provider settings tested');
      return { ok: r.ok, provider, message: r.message };
    },
  );
};
