import { Type, type Static } from '@sinclair/typebox';

// Settings an administrator enters for a Twilio-compatible HTTP gateway. The auth token is a
// secret: stored encrypted with the portal's other secrets, never logged.
export const TwilioSettingsSchema = Type.Object(
  {
    accountSid: Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' }),
    authToken: Type.String({ minLength: 16 }),
    from: Type.String({ minLength: 1, description: 'E.164 number or alphanumeric sender id' }),
    baseUrl: Type.String({ default: 'https://api.twilio.com', description: 'Override for tests and compatible gateways' }),
    statusCallbackUrl: Type.Optional(Type.String({ description: 'Our public URL for status callbacks' })),
    maxSegments: Type.Integer({
      minimum: 1,
      maximum: 10,
      default: 10,
      description: 'Refuse longer messages (Twilio: Body up to 1600 characters)',
    }),
    maxChars: Type.Optional(Type.Integer({ minimum: 1, description: 'Some gateways refuse over N characters (seed 000: 150)' })),
    timeoutMs: Type.Integer({ minimum: 100, default: 10_000 }),
  },
  { additionalProperties: false },
);

export type TwilioSettings = Static<typeof TwilioSettingsSchema>;
