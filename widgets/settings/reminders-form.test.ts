import { describe, expect, it } from 'vitest';
import { bodyOf, dayText, emptyPortalForm, parseDay, parseTime, rulesOf, ruleRefusal } from './reminders-form.js';

describe('the reminder forms as typed', () => {
  it('times and days the way people write them', () => {
    expect([parseTime('9'), parseTime('09:00'), parseTime('21.30'), parseTime('25:00'), parseTime('9am')]).toEqual([
      540,
      540,
      1290,
      null,
      null,
    ]);
    expect([parseDay('09.01.2026'), parseDay('9/1/2026'), parseDay('2026-01-09'), parseDay('31.02.2026'), parseDay('01/09')]).toEqual([
      '2026-01-09',
      '2026-01-09',
      '2026-01-09',
      null,
      null,
    ]);
    expect([dayText('2026-01-09', 'ru'), dayText('2026-01-09', 'es'), dayText('2026-01-09', 'en')]).toEqual([
      '09.01.2026',
      '09/01/2026',
      '2026-01-09',
    ]);
  });

  it('the portal body: days sorted once, MX hours within CONDUSEF, RU moved days as ISO; the first bad day named', () => {
    const mx = bodyOf({ ...emptyPortalForm('es'), offsets: '7, −3, 0, 7', quietFrom: '9', quietTo: '21:00' });
    expect(mx).toEqual({
      body: expect.objectContaining({ offsets: [-3, 0, 7], law: 'MX', quietHours: { fromMinute: 540, toMinute: 1260 } }),
    });
    expect(bodyOf({ ...emptyPortalForm('es'), quietTo: '23:00' })).toEqual({ errors: { quietHours: 'quietLaw' } });
    const ru = bodyOf({ ...emptyPortalForm('ru'), holidays: '31.12.2026\n09.01.2026, 31.02.2026' });
    expect(ru).toEqual({ errors: { holidays: 'day' }, badDay: '31.02.2026' });
    expect(bodyOf({ ...emptyPortalForm('ru'), offsets: '1, two', clientSms: false })).toEqual({
      errors: { offsets: 'offsets', channels: 'channels' },
    });
  });

  it('product rules: days 1–365, one rule per day, each reminding someone; a server refusal lands on its row', () => {
    const ok = rulesOf([
      { when: 'before', days: '3', smsTemplate: '', employee: 'todo' },
      { when: 'due', days: '', smsTemplate: 'payment-reminder', employee: '' },
    ]);
    expect(ok).toEqual({
      rules: [
        { offsetDays: -3, smsTemplate: null, employee: 'todo' },
        { offsetDays: 0, smsTemplate: 'payment-reminder', employee: null },
      ],
    });
    const bad = rulesOf([
      { when: 'after', days: '1', smsTemplate: 'overdue-notice', employee: '' },
      { when: 'after', days: '1', smsTemplate: '', employee: '' },
      { when: 'after', days: '0', smsTemplate: 'x', employee: '' },
    ]);
    expect(bad).toEqual({ errors: { 1: { days: 'duplicate', rule: 'nobody' }, 2: { days: 'days' } } });
    expect(ruleRefusal('REMINDER_TEMPLATE_UNKNOWN', 'rules.4.smsTemplate')).toEqual({ 4: { smsTemplate: 'template' } });
  });
});
