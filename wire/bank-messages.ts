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
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);
export type BankMessageBody = Static<typeof BankMessageBody>;

export const BankMessage = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  /** Our Message-ID, fixed before sending: a bank's reply threads to it. */
  messageId: Type.String(),
  /** queued → sent (SMTP accepted) → delivered | failed when a delivery report comes back; failed also when SMTP refused. */
  status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('failed')]),
  /** The SMTP server's final reply once sent (proof the mail left), or why it failed. */
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
