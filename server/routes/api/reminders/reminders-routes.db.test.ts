import { beforeAll, describe, expect, it } from 'vitest';
import { useRouteApp } from '../../../../test/support/route-app.js';
import { sampleProduct } from '../../../../test/support/sample-product.js';
import { upsertProduct } from '../../../products/product-repo.js';

// The reminder settings through the whole app: admins only, saved per portal, a bad zone refused
// beside its field in the user's language and nothing saved.
const ctx = useRouteApp(['pa', 'pb']);
const auth = ctx.settingsAuth;
const body = {
  offsets: [7, -3, 0, 1, 3, 30],
  clientSms: true,
  employee: true,
  timeZone: 'Asia/Yekaterinburg',
  law: 'RU',
  smsProvider: null,
};

beforeAll(async () => {
  await upsertProduct(ctx.db.kysely, 'pa', sampleProduct('pdl'), new Date().toISOString());
});

describe('reminder settings API', () => {
  it('is for portal administrators only', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/reminders' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa', false) })).statusCode).toBe(403);
    const put = await ctx.app.inject({ method: 'PUT', url: '/api/v1/settings/reminders', headers: auth('pa', false), payload: body });
    expect(put.statusCode).toBe(403);
  });

  it('saves the rules per portal; a bad zone or offset is refused and changes nothing', async () => {
    const first = (await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa') })).json();
    expect(first).toMatchObject({ settings: null, products: [{ productId: 'pdl', rules: null }] });
    // Only the texts about an installment: no approval or payout-done SMS as a reminder.
    expect(first.templates.map((t: { id: string }) => t.id)).toEqual(['overdue-notice', 'payment-reminder', 'payment-reminder-translit']);
    expect(first.defaultHolidays.length).toBeGreaterThan(0);
    const saved = await ctx.app.inject({ method: 'PUT', url: '/api/v1/settings/reminders', headers: auth('pa'), payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    const expected = { ...body, offsets: [-3, 0, 1, 3, 7, 30], quietHours: null, holidays: null };
    expect(saved.json().settings).toEqual(expected);
    const badZone = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/reminders',
      headers: { ...auth('pa'), 'accept-language': 'es-MX' },
      payload: { ...body, timeZone: 'Mars/Olympus' },
    });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json()).toMatchObject({ error: 'REMINDER_TIME_ZONE_UNKNOWN', details: { field: 'timeZone' } });
    expect(badZone.json().message).toContain('Zona horaria');
    const badOffset = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/reminders',
      headers: auth('pa'),
      payload: { ...body, offsets: [400] },
    });
    expect(badOffset.statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa') })).json().settings).toEqual(
      expected,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pb') })).json()).toMatchObject({
      settings: null,
      products: [],
    });
  });

  it('MX quiet hours within CONDUSEF’s 07:00–22:00 and RU moved days as real dates; else refused beside the field', async () => {
    const put = (payload: object, lang = 'ru-RU') =>
      ctx.app.inject({ method: 'PUT', url: '/api/v1/settings/reminders', headers: { ...auth('pa'), 'accept-language': lang }, payload });
    const late = await put({ ...body, law: 'MX', quietHours: { fromMinute: 9 * 60, toMinute: 23 * 60 } }, 'es-MX');
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ error: 'REMINDER_QUIET_HOURS_OUTSIDE_LAW', details: { field: 'quietHours' } });
    expect(late.json().message).toContain('07:00');
    const badDay = await put({ ...body, holidays: ['2026-01-09', '2026-02-30'] });
    expect(badDay.statusCode).toBe(422);
    expect(badDay.json()).toMatchObject({ error: 'REMINDER_HOLIDAY_INVALID', details: { field: 'holidays', value: '2026-02-30' } });
    const ok = await put({
      ...body,
      law: 'MX',
      quietHours: { fromMinute: 9 * 60, toMinute: 20 * 60 },
      holidays: ['2026-12-31', '2026-01-09'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().settings).toMatchObject({ quietHours: { fromMinute: 540, toMinute: 1200 }, holidays: ['2026-01-09', '2026-12-31'] });
  });

  it('a product’s own rules: saved and listed; a duplicate day, an unknown template, a rule for nobody refused beside the rule', async () => {
    const put = (productId: string, payload: object) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/settings/reminders/products/${productId}`,
        headers: { ...auth('pa'), 'accept-language': 'ru-RU' },
        payload,
      });
    const rules = [
      { offsetDays: 7, smsTemplate: 'overdue-notice', employee: 'todo' },
      { offsetDays: -3, smsTemplate: 'payment-reminder', employee: null },
    ];
    const saved = await put('pdl', { rules });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ productId: 'pdl', rules: [rules[1], rules[0]] });
    const dup = await put('pdl', { rules: [...rules, { offsetDays: 7, smsTemplate: null, employee: 'notify' }] });
    expect(dup.statusCode).toBe(422);
    expect(dup.json()).toMatchObject({ error: 'REMINDER_RULE_DUPLICATE', details: { field: 'rules.2.offsetDays' } });
    expect(dup.json().message).toContain('один день');
    const tpl = await put('pdl', { rules: [{ offsetDays: 1, smsTemplate: 'no-such', employee: null }] });
    expect(tpl.json()).toMatchObject({ error: 'REMINDER_TEMPLATE_UNKNOWN', details: { field: 'rules.0.smsTemplate' } });
    // A catalogue template that is not a reminder (the approval SMS) is refused the same way, beside the rule.
    const approval = await put('pdl', { rules: [{ offsetDays: 1, smsTemplate: 'approval', employee: null }] });
    expect(approval.statusCode).toBe(422);
    expect(approval.json()).toMatchObject({ error: 'REMINDER_TEMPLATE_UNKNOWN', details: { field: 'rules.0.smsTemplate' } });
    expect(approval.json().message).toContain('напоминания');
    const nobody = await put('pdl', { rules: [{ offsetDays: 1, smsTemplate: null, employee: null }] });
    expect(nobody.json()).toMatchObject({ error: 'REMINDER_RULE_EMPTY', details: { field: 'rules.0' } });
    expect((await put('other', { rules })).statusCode).toBe(404);
    // Another portal cannot write this portal's product.
    const foreign = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/settings/reminders/products/pdl',
      headers: auth('pb'),
      payload: { rules },
    });
    expect(foreign.statusCode).toBe(404);
    const listed = (await ctx.app.inject({ method: 'GET', url: '/api/v1/settings/reminders', headers: auth('pa') })).json();
    expect(listed.products).toEqual([{ productId: 'pdl', rules: [rules[1], rules[0]] }]);
    // Back to the portal's rules.
    expect((await put('pdl', { rules: null })).json()).toEqual({ productId: 'pdl', rules: null });
  });
});
