import { Value } from '@sinclair/typebox/value';
import { OpenpayPaymentClient } from './client.js';
import { OpenpaySettingsSchema, type OpenpaySettings } from './schema.js';

// OpenPay (Mexico): payouts from the merchant balance to a CLABE over SPEI.
export const openpayProvider = {
  code: 'openpay',
  title: { en: 'OpenPay payouts (CLABE)', es: 'OpenPay: pagos a CLABE', ru: 'OpenPay: выплаты на CLABE' },
  settingsSchema: OpenpaySettingsSchema,
  isConfigured(settings: unknown): settings is OpenpaySettings {
    return Value.Check(OpenpaySettingsSchema, Value.Default(OpenpaySettingsSchema, structuredClone(settings)));
  },
  create(settings: unknown, fetchImpl?: typeof fetch): OpenpayPaymentClient {
    const s = Value.Default(OpenpaySettingsSchema, structuredClone(settings)) as OpenpaySettings;
    if (!Value.Check(OpenpaySettingsSchema, s)) throw new Error('OpenPay settings are incomplete');
    return new OpenpayPaymentClient(s, fetchImpl);
  },
};

export { OpenpayPaymentClient, payoutBody } from './client.js';
export { OpenpaySettingsSchema, type OpenpaySettings } from './schema.js';
export { parseOpenpayWebhook, type OpenpayWebhook } from './webhook.js';
