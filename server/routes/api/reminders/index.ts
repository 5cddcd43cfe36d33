import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { reminderCatalogue } from '../../../activities/sms-catalogue.js';
import { AppError, langOfHeader } from '../../../errors.js';
import { listFailedReminders, retryFailedReminder } from '../../../reminders/failed.js';
import { getProduct, listProducts } from '../../../products/product-repo.js';
import { requireSession } from '../../../security/session.js';
import { isTimeZone } from '../../../reminders/local-time.js';
import { listProductRules, saveProductRules } from '../../../reminders/product-rules-repo.js';
import { defaultMovedDays, isIsoDay } from '../../../reminders/ru-calendar.js';
import { getReminderSettings, saveReminderSettings, type ReminderSettings } from '../../../reminders/settings-repo.js';
import {
  FailedRemindersReply,
  RetryReminderBody,
  RetryReminderReply,
  ProductRules,
  ProductRulesBody,
  ReminderSettingsBody,
  ReminderSettingsReply,
  type ProductReminderRule,
} from '../../../../wire/reminders.js';
import { ErrorReply } from '../lifecycle/schemas.js';

// The portal's reminder settings (server/reminders) and each product's own rules: portal
// administrators only. Saving the settings turns the nightly plan on for the portal; rules apply from
// the next scheduler tick. Every refusal names its field (details.field) so the screen shows it there.

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 422: ErrorReply };
/** CONDUSEF's collection hours: a portal's own may only be narrower. */
const MX_FROM = 7 * 60;
const MX_TO = 22 * 60;

function checkedSettings(b: ReminderSettingsBody): ReminderSettings {
  if (!isTimeZone(b.timeZone))
    throw new AppError('REMINDER_TIME_ZONE_UNKNOWN', `unknown time zone ${b.timeZone.slice(0, 64)}`, undefined, { field: 'timeZone' });
  const q = b.quietHours ?? null;
  if (q && (q.fromMinute < MX_FROM || q.toMinute > MX_TO || q.fromMinute >= q.toMinute))
    throw new AppError('REMINDER_QUIET_HOURS_OUTSIDE_LAW', `quiet hours ${q.fromMinute}–${q.toMinute}`, undefined, {
      field: 'quietHours',
    });
  const bad = (b.holidays ?? []).find((d) => !isIsoDay(d));
  if (bad !== undefined) throw new AppError('REMINDER_HOLIDAY_INVALID', `not a day: ${bad}`, undefined, { field: 'holidays', value: bad });
  return {
    ...b,
    offsets: [...b.offsets].sort((a, x) => a - x),
    quietHours: q,
    holidays: b.holidays ? [...new Set(b.holidays)].sort() : null,
  };
}

function checkedRules(rules: readonly ProductReminderRule[]): ProductReminderRule[] {
  const templates = new Set(reminderCatalogue().map((t) => t.id));
  const seen = new Set<number>();
  rules.forEach((r, i) => {
    if (r.smsTemplate === null && r.employee === null)
      throw new AppError('REMINDER_RULE_EMPTY', `rule ${i} reminds nobody`, undefined, { field: `rules.${i}` });
    if (r.smsTemplate !== null && !templates.has(r.smsTemplate))
      throw new AppError('REMINDER_TEMPLATE_UNKNOWN', `no template ${r.smsTemplate.slice(0, 64)}`, undefined, {
        field: `rules.${i}.smsTemplate`,
      });
    if (seen.has(r.offsetDays))
      throw new AppError('REMINDER_RULE_DUPLICATE', `two rules at ${r.offsetDays}`, undefined, { field: `rules.${i}.offsetDays` });
    seen.add(r.offsetDays);
  });
  return [...rules].sort((a, b) => a.offsetDays - b.offsetDays);
}

export const reminderRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });

  /** The settings with what the screen offers beside them: products' own rules, default days, templates. */
  async function reply(portalId: string, settings: ReminderSettings | null): Promise<ReminderSettingsReply> {
    const own = await listProductRules(app.db.kysely, portalId);
    const products = await listProducts(app.db.kysely, portalId);
    const year = new Date().getUTCFullYear();
    return {
      settings,
      products: products.map((p) => ({ productId: p.id, rules: own.get(p.id) ?? null })),
      // This year's and the next: the nights around New Year need both.
      defaultHolidays: [...defaultMovedDays(year), ...defaultMovedDays(year + 1)],
      templates: reminderCatalogue().map((t) => ({ id: t.id, titles: { ...t.titles } })),
    };
  }

  app.get(
    '/api/v1/settings/reminders',
    { preHandler: admin, schema: { response: { 200: ReminderSettingsReply, ...errors } } },
    async (req) => reply(req.session!.portalId, await getReminderSettings(app.db.kysely, req.session!.portalId)),
  );

  app.put(
    '/api/v1/settings/reminders',
    { preHandler: admin, schema: { body: ReminderSettingsBody, response: { 200: ReminderSettingsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const settings = checkedSettings(req.body);
      await saveReminderSettings(app.db.kysely, s.portalId, settings, s.userId);
      return reply(s.portalId, settings);
    },
  );

  // Reminders that could not go, newest first, their reason in the admin's language (Accept-Language,
  // the Bitrix24 language the page sends); Retry puts one back in the send queue.
  app.get(
    '/api/v1/settings/reminders/failed',
    { preHandler: admin, schema: { response: { 200: FailedRemindersReply, ...errors } } },
    async (req) => ({
      failed: await listFailedReminders(app.db.kysely, req.session!.portalId, langOfHeader(req.headers['accept-language'])),
    }),
  );

  app.post(
    '/api/v1/settings/reminders/failed/retry',
    { preHandler: admin, schema: { body: RetryReminderBody, response: { 200: RetryReminderReply, ...errors } } },
    async (req) => ({ retried: await retryFailedReminder(app.db.kysely, req.session!.portalId, req.body.key, Date.now()) }),
  );

  app.put(
    '/api/v1/settings/reminders/products/:productId',
    {
      preHandler: admin,
      schema: {
        params: Type.Object({ productId: Type.String({ minLength: 1, maxLength: 64 }) }),
        body: ProductRulesBody,
        response: { 200: ProductRules, ...errors },
      },
    },
    async (req) => {
      const s = req.session!;
      const { productId } = req.params;
      if (!(await getProduct(app.db.kysely, s.portalId, productId)))
        throw new AppError('REMINDER_PRODUCT_UNKNOWN', `no product ${productId.slice(0, 64)}`);
      const rules = req.body.rules === null ? null : checkedRules(req.body.rules);
      await saveProductRules(app.db.kysely, s.portalId, productId, rules, s.userId);
      return { productId, rules };
    },
  );
};
