// One SMS template catalogue for the Send SMS robot (issue 11 deliver 8): the robot's options are the
// templates of templates/sms/ without duplicates, labelled in es/ru/en; every shipped template is
// sendable from what the robot knows (deal, contact, loan, settings) plus its own properties.
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/manifest.js';
import { localizedProperties } from '../manifest/robot-properties.js';
import { loadSmsTemplates } from '../integrations/sms/templates/index.js';
import type { DealContext } from './deal-context.js';
import { catalogueTemplate, LEGACY_CODES, reminderCatalogue, smsCatalogue } from './sms-catalogue.js';
import { smsText, type SmsRobotValues } from './sms-text.js';

const sendSms = loadManifest().activities.find((a) => a.code === 'send_sms')!;
const props = sendSms.properties as Record<string, { Options?: Record<string, Record<string, string>> }>;
const options = props.template!.Options!;

/** What loadDealContext builds for a deal with a contact and a loan that has one payment. */
const context = (over: Record<string, string> = {}): DealContext => ({
  deal: {},
  contact: null,
  phone: '+5215512345678',
  vars: {
    name: 'María López',
    dealTitle: 'Préstamo',
    currency: 'MXN',
    principal: '15000.00',
    dueDate: '2026-12-15',
    amount: '1250.00',
    balance: '13750.00',
    daysOverdue: '7',
    contractNumber: '42',
    payReference: '',
    clabe: '012298026516924616',
    lastPaymentAmount: '1500.00',
    ...over,
  },
});
const robot: SmsRobotValues = { payReference: '1010100368185638', signLink: 'https://pl.example/f/8K2Q', pin: '4821' };

describe('the Send SMS robot template catalogue', () => {
  it('offers each template of templates/sms once, labelled with its title in es, ru and en', () => {
    const ids = [...new Set(loadSmsTemplates().map((t) => t.id))].sort();
    expect(Object.keys(options)).toEqual(ids);
    expect(smsCatalogue().map((e) => e.id)).toEqual(ids);
    for (const e of smsCatalogue()) {
      expect(Object.keys(options[e.id]!).sort()).toEqual(['en', 'es', 'ru']);
      for (const [lang, title] of Object.entries(e.titles)) expect(options[e.id]![lang]).toBe(title);
    }
    expect(Object.keys(options).some((id) => id.includes('_'))).toBe(false); // payment_reminder next to payment-reminder is gone
  });

  it('gives reminder rules only the texts written about an installment due or overdue', () => {
    // An approval or a "payout done" SMS sent by a reminder rule would tell a debtor something false.
    expect(reminderCatalogue().map((e) => e.id)).toEqual(['overdue-notice', 'payment-reminder', 'payment-reminder-translit']);
    expect(
      smsCatalogue()
        .filter((e) => !e.reminder)
        .map((e) => e.id),
    ).toEqual(['approval', 'payment-received', 'payout-done']);
  });

  it('registers the options in the portal language as plain titles (bizproc.robot.add Options)', () => {
    const es = localizedProperties(sendSms.properties, 'es').template as { Options: Record<string, string> };
    const ru = localizedProperties(sendSms.properties, 'ru').template as { Options: Record<string, string> };
    expect(es.Options['payment-reminder']).toBe('Recordatorio de pago');
    expect(ru.Options['payment-reminder']).toBe('Напоминание о платеже');
    expect(localizedProperties(sendSms.properties, 'de').template).toMatchObject({ Options: { 'payout-done': 'Payout sent' } });
    expect(localizedProperties(sendSms.properties, 'es').language).toEqual(props.language);
  });

  it('exposes as robot properties the variables the deal and loan cannot tell', () => {
    for (const code of ['companyName', 'payReference', 'signLink', 'pin']) expect(props[code]).toBeDefined();
  });

  it.each(loadSmsTemplates().map((t) => [`${t.lang}/${t.id}`, t] as const))('%s is sent from the deal, the loan and the robot', (_n, t) => {
    const text = smsText({
      template: t.id,
      text: '',
      language: t.lang,
      context: context(),
      robot: { ...robot, companyName: 'Prestalatino' },
    });
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain('Prestalatino');
  });

  it('each template says the amount it is about: the loan, the last payment or the next payment', () => {
    const say = (template: string) =>
      smsText({ template, text: '', language: 'es', context: context(), companyName: 'Prestalatino', robot });
    expect(say('approval')).toContain('15,000.00');
    expect(say('payout-done')).toMatch(/15,000\.00 MXN .*4616/);
    expect(say('payment-received')).toMatch(/1,500\.00 MXN.*13,750\.00/);
    expect(say('payment-reminder')).toMatch(/1,250\.00 MXN .*15\/12\/2026.*1010100368185638/);
    expect(say('overdue-notice')).toMatch(/7 dias de atraso/);
  });

  it('a variable nobody gave is refused by name, never sent as a gap', () => {
    const send = (robotValues: SmsRobotValues, companyName?: string) => () =>
      smsText({
        template: 'approval',
        text: '',
        language: 'ru',
        context: context(),
        robot: robotValues,
        ...(companyName ? { companyName } : {}),
      });
    expect(send({ signLink: 'https://x.example/s' }, 'МФК Заём')).toThrow(
      expect.objectContaining({ code: 'SMS_TEMPLATE_VARIABLE_MISSING', details: { template: 'approval', missing: ['pin'] } }),
    );
    expect(send({ signLink: 'https://x.example/s', pin: '1' })).toThrow(/company_name/);
    expect(send({ signLink: 'https://x.example/s', pin: '1', companyName: 'МФК Заём' }, 'ignored')).not.toThrow();
  });

  it('codes of the old built-in list still work; an unknown code or language is a clear 422', () => {
    expect(Object.values(LEGACY_CODES).every((id) => options[id])).toBe(true);
    expect(catalogueTemplate('payment_reminder', 'es').id).toBe('payment-reminder');
    expect(() => catalogueTemplate('payment-reminder-translit', 'es')).toThrow(
      expect.objectContaining({ code: 'SMS_TEMPLATE_MISSING', status: 422 }),
    );
    expect(() => catalogueTemplate('Hola {nombre}', 'es')).toThrow(
      expect.objectContaining({ userMessage: 'There is no SMS template "Hola {nombre}".' }),
    );
    expect(smsText({ template: 'x', text: 'Libre', language: 'es', context: context() })).toBe('Libre');
  });
});
