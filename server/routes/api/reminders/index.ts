import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';
import { isTimeZone } from '../../../reminders/local-time.js';
import { getReminderSettings, saveReminderSettings } from '../../../reminders/settings-repo.js';
import { ReminderSettingsBody, ReminderSettingsReply } from '../../../../wire/reminders.js';
import { ErrorReply } from '../lifecycle/schemas.js';

// The portal's reminder settings (server/reminders): portal administrators only. Saving them turns
// the nightly plan on for the portal; the rules apply from the next scheduler tick.

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 422: ErrorReply };

export const reminderRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });

  app.get(
    '/api/v1/settings/reminders',
    { preHandler: admin, schema: { response: { 200: ReminderSettingsReply, ...errors } } },
    async (req) => ({
      settings: await getReminderSettings(app.db.kysely, req.session!.portalId),
    }),
  );

  app.put(
    '/api/v1/settings/reminders',
    { preHandler: admin, schema: { body: ReminderSettingsBody, response: { 200: ReminderSettingsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      if (!isTimeZone(req.body.timeZone))
        throw new AppError('REMINDER_TIME_ZONE_UNKNOWN', `unknown time zone ${req.body.timeZone.slice(0, 64)}`, undefined, {
          field: 'timeZone',
        });
      const settings = { ...req.body, offsets: [...req.body.offsets].sort((a, b) => a - b) };
      await saveReminderSettings(app.db.kysely, s.portalId, settings, s.userId);
      return { settings };
    },
  );
};
