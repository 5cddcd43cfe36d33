import { Value } from '@sinclair/typebox/value';
import { ManualPaymentProvider } from './client.js';
import { ManualPayoutSettingsSchema, type ManualPayoutSettings } from './schema.js';

// "Manual / cash": records the payout; money moves outside the app (cash desk, agent, bank portal).
export const manualProvider = {
  code: 'manual',
  title: { en: 'Manual / cash', es: 'Manual / efectivo', ru: 'Вручную / наличные' },
  settingsSchema: ManualPayoutSettingsSchema,
  isConfigured(): boolean {
    return true;
  },
  create(settings: unknown = {}): ManualPaymentProvider {
    return new ManualPaymentProvider(Value.Default(ManualPayoutSettingsSchema, structuredClone(settings ?? {})) as ManualPayoutSettings);
  },
};

export { ManualPaymentProvider } from './client.js';
export { ManualPayoutSettingsSchema, type ManualPayoutSettings } from './schema.js';
