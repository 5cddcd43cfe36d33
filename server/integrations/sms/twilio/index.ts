import { Value } from '@sinclair/typebox/value';
import { TwilioSmsClient } from './client.js';
import { TwilioSettingsSchema, type TwilioSettings } from './schema.js';

// Twilio-compatible HTTP SMS gateway: Messages API send + signed status callbacks.
export const twilioProvider = {
  code: 'twilio',
  title: { en: 'Twilio (HTTP)', es: 'Twilio (HTTP)', ru: 'Twilio (HTTP)' },
  settingsSchema: TwilioSettingsSchema,
  isConfigured(settings: unknown): settings is TwilioSettings {
    return Value.Check(TwilioSettingsSchema, Value.Default(TwilioSettingsSchema, structuredClone(settings)));
  },
  create(settings: unknown, fetchImpl?: typeof fetch): TwilioSmsClient {
    const s = Value.Default(TwilioSettingsSchema, structuredClone(settings)) as TwilioSettings;
    if (!Value.Check(TwilioSettingsSchema, s)) throw new Error('Twilio settings are incomplete');
    return new TwilioSmsClient(s, fetchImpl);
  },
};

export { TwilioSmsClient, normaliseTwilioStatus } from './client.js';
export { TwilioSettingsSchema, type TwilioSettings } from './schema.js';
export { twilioSignature, verifyTwilioSignature } from './signature.js';
