import { Type, type Static } from '@sinclair/typebox';

/**
 * Where the SMSC listens: a host name, an IPv4 address (a host name's shape) or a bare IPv6 address;
 * never "host:port" (the port is its own field) nor spaces. The settings screen checks the same
 * pattern beside the field (widgets/settings/provider-form.ts reads it from the schema).
 */
export const SMPP_HOST_PATTERN =
  '^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})$';

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
