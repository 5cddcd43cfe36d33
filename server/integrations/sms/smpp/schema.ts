import { Type, type Static } from '@sinclair/typebox';
import { HOST_PATTERN } from '../../../../wire/host-pattern.js';

/** Where the SMSC listens (wire/host-pattern.ts); the settings screen checks it beside the field (provider-form.ts). */
export const SMPP_HOST_PATTERN = HOST_PATTERN;

// SMPP 3.4 account at an SMSC. The password is a secret (stored encrypted, never logged).
export const SmppSettingsSchema = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 253, pattern: SMPP_HOST_PATTERN }),
    port: Type.Integer({ minimum: 1, maximum: 65535, default: 2775 }),
    systemId: Type.String({ minLength: 1, maxLength: 15 }),
    password: Type.String({ maxLength: 8, description: 'SMPP 3.4 limits the password to 8 octets' }),
    systemType: Type.String({ maxLength: 12, default: '' }),
    sourceAddr: Type.String({ minLength: 1, maxLength: 20, description: 'Sender: digits (international) or up to 11 alphanumerics' }),
    maxSegments: Type.Integer({ minimum: 1, maximum: 255, default: 6 }),
    maxChars: Type.Optional(Type.Integer({ minimum: 1 })),
    /** How long to wait for bind or a submit_sm_resp. */
    timeoutMs: Type.Integer({ minimum: 100, default: 10_000 }),
    /** Reconnect back-off: base doubles up to max. */
    reconnectBaseMs: Type.Integer({ minimum: 10, default: 500 }),
    reconnectMaxMs: Type.Integer({ minimum: 10, default: 30_000 }),
    enquireLinkMs: Type.Integer({ minimum: 0, default: 30_000, description: '0 turns keep-alive off' }),
  },
  { additionalProperties: false },
);

export type SmppSettings = Static<typeof SmppSettingsSchema>;
