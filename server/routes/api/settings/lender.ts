import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';
import { getLenderProfile, saveLenderProfile } from '../../../settings/lender-profile.js';
import { ErrorReply } from '../../../../wire/errors.js';
import { LenderProfile as Profile } from '../../../../wire/lender.js';

// The lender's profile of the caller's portal (server/settings/lender-profile.ts): portal
// administrators only. The call scripts' {{company_name}} and the SMS templates' signature read it.

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply };

export const lenderProfileRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });

  app.get('/api/v1/settings/lender', { preHandler: admin, schema: { response: { 200: Profile, ...errors } } }, async (req) => {
    const p = await getLenderProfile(app.db.kysely, req.session!.portalId);
    return { companyName: p?.companyName ?? '' };
  });

  app.put(
    '/api/v1/settings/lender',
    { preHandler: admin, schema: { body: Profile, response: { 200: Profile, ...errors } } },
    async (req) => {
      const s = req.session!;
      // Reminder SMS templates sign with the name and refuse to send without it (render.ts
      // SMS_TEMPLATE_VARIABLE_MISSING), call scripts say it: a blank name is refused, not saved as "".
      if (req.body.companyName.trim() === '')
        throw new AppError('VALIDATION', 'company name blank', { key: 'LENDER_NAME_REQUIRED' }, { field: 'companyName', reason: 'blank' });
      const saved = await saveLenderProfile(app.db.kysely, s.portalId, req.body, s.userId);
      await app.invalidateProviderSettings(s.portalId);
      return saved;
    },
  );
};
