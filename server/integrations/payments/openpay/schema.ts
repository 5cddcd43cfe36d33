import { Type, type Static } from '@sinclair/typebox';

// OpenPay merchant credentials. The private key (sk_…) is a secret: stored encrypted, never logged.
export const OpenpaySettingsSchema = Type.Object(
  {
    merchantId: Type.String({
      pattern: '^[a-z0-9]{20}$',
      description: 'OpenPay merchant id (20 lowercase alphanumerics in the docs’ examples)',
    }),
    privateKey: Type.String({ pattern: '^sk_[0-9a-f]{32}$' }),
    baseUrl: Type.String({ default: 'https://sandbox-api.openpay.mx', description: 'https://api.openpay.mx in production' }),
    timeoutMs: Type.Integer({ minimum: 100, default: 20_000 }),
    /** Pages of 100 scanned when looking a payout up by order id. */
    lookupMaxPages: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);

export type OpenpaySettings = Static<typeof OpenpaySettingsSchema>;
