import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of messages to bank staff from a deal (issue 16 item 2), declared once:
//   POST /api/v1/deals/:dealId/bank-messages   BankMessageBody → 202 BankMessagesReply (queued)
//   GET  /api/v1/deals/:dealId/bank-messages   → BankMessagesReply (newest first)
// `requestId` is the caller's id (a UUID made when the user pressed Send): repeating the same
// request answers the same messages and sends nothing again; another body under it is 409.

export const BankMessageBody = Type.Object(
  {
    requestId: Type.String({ pattern: '^[0-9a-fA-F-]{36}$' }),
    bankIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 15, uniqueItems: true }),
    /** 'email' (default) to the bank's addresses, or 'sms' to its phones through the portal's SMS provider. */
    channel: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('sms')])),
    /** Required for e-mail; an SMS has none. */
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);
export type BankMessageBody = Static<typeof BankMessageBody>;

export const BankMessage = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
  /** Our Message-ID, fixed before sending: a bank's reply threads to it. */
  messageId: Type.String(),
  /**
   * queued → sent (SMTP accepted) → delivered | failed when a delivery report comes back; failed also
   * when SMTP refused. An SMS's status is its SMS's (all phones): delivered when one is, failed when all are.
   */
  status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('failed')]),
  /** The SMTP server's final reply once sent (proof the mail left), or why it failed; for an SMS, the provider's error. */
  smtpResponse: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  /** What a delivery report (DSN or bounce) read from the mailbox said, per recipient, and when it came. */
  deliveryReport: Type.Union([Type.String(), Type.Null()]),
  reportedAt: Type.Union([Type.String(), Type.Null()]),
});
export type BankMessageView = Static<typeof BankMessage>;

export const BankMessagesReply = Type.Object({ messages: Type.Array(BankMessage) });
export type BankMessagesReply = Static<typeof BankMessagesReply>;
