import { Value } from '@sinclair/typebox/value';
import { SmppSmsClient } from './client.js';
import { SmppSettingsSchema, type SmppSettings } from './schema.js';

// SMPP 3.4 SMSC connection (transceiver), for gateways that offer SMPP instead of HTTP.
export const smppProvider = {
  code: 'smpp',
  title: { en: 'SMPP 3.4', es: 'SMPP 3.4', ru: 'SMPP 3.4' },
  settingsSchema: SmppSettingsSchema,
  isConfigured(settings: unknown): settings is SmppSettings {
    return Value.Check(SmppSettingsSchema, Value.Default(SmppSettingsSchema, structuredClone(settings)));
  },
  create(settings: unknown): SmppSmsClient {
    const s = Value.Default(SmppSettingsSchema, structuredClone(settings)) as SmppSettings;
    if (!Value.Check(SmppSettingsSchema, s)) throw new Error('SMPP settings are incomplete');
    return new SmppSmsClient(s);
  },
};

export { SmppSmsClient } from './client.js';
export { SmppSettingsSchema, type SmppSettings } from './schema.js';
export { buildSubmitParts, DATA_CODING } from './pdu-parts.js';
export { parseReceipt } from './receipt.js';
