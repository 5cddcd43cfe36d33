import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of messages to bank staff from a deal (issue 16 item 2), declared once:
//   POST /api/v1/deals/:dealId/bank-messages   BankMessageBody → 202 BankMessagesReply (queued)
//   GET  /api/v1/deals/:dealId/bank-messages   → BankMessagesReply (newest first)
//   POST /api/v1/deals/:dealId/bank-messages/drafts   BankMessageDraftsBody → BankMessageDraftsReply
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
    /**
     * What the user edited per bank in the preview (each bank its own language): a listed bank gets
     * this subject and text instead of the shared ones above.
     */
    perBank: Type.Optional(
      Type.Array(
        Type.Object(
          {
            bankId: Type.String({ minLength: 1, maxLength: 64 }),
            subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            text: Type.String({ minLength: 1, maxLength: 20_000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 15 },
      ),
    ),
    /** E-mail only: attach the latest finished pack made for each bank (its .docx and PDFs); none yet is 422. */
    attachPack: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type BankMessageBody = Static<typeof BankMessageBody>;

/** The preview: each chosen bank's template rendered with the deal (server/mail/outgoing/bank-template.ts). */
export const BankMessageDraftsBody = Type.Object(
  {
    bankIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 15, uniqueItems: true }),
    /** Who signs: the person sending, as the portal named them when the tab opened. */
    managerName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type BankMessageDraftsBody = Static<typeof BankMessageDraftsBody>;

export const BankMessageDraft = Type.Object({
  bankId: Type.String(),
  bankName: Type.String(),
  /** The bank's language (its template's, else the sender's). */
  lang: Type.Union([Type.Literal('ru'), Type.Literal('es'), Type.Literal('en')]),
  subject: Type.String(),
  text: Type.String(),
  sms: Type.String(),
  /** Placeholders without a value (no loan saved, no client): left empty for the user to fill in. */
  missing: Type.Array(Type.String()),
  /** Whether a finished pack for this bank exists to attach. */
  packReady: Type.Boolean(),
});
export type BankMessageDraft = Static<typeof BankMessageDraft>;

export const BankMessageDraftsReply = Type.Object({
  drafts: Type.Array(BankMessageDraft),
  /** The portal's SMS provider's limit (checked again on send), null without a provider. */
  smsLimit: Type.Union([Type.Object({ maxSegments: Type.Optional(Type.Integer()), maxUnits: Type.Optional(Type.Integer()) }), Type.Null()]),
});
export type BankMessageDraftsReply = Static<typeof BankMessageDraftsReply>;

export const BankMessage = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
  /** Our Message-ID, fixed before sending: a bank's reply threads to it. */
  messageId: Type.String(),
  /** The e-mail's subject (null for an SMS, or when the stored message no longer opens). */
  subject: Type.Union([Type.String(), Type.Null()]),
  /** Files attached to the e-mail (the pack's, chosen when it was queued); 0 for an SMS. */
  attachmentCount: Type.Integer({ minimum: 0 }),
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
  /** A delivery report whose sender we could not tie to the delivery path: shown, but the status did not move. */
  unverifiedReport: Type.Union([Type.String(), Type.Null()]),
  unverifiedAt: Type.Union([Type.String(), Type.Null()]),
});
export type BankMessageView = Static<typeof BankMessage>;

export const BankMessagesReply = Type.Object({ messages: Type.Array(BankMessage) });
export type BankMessagesReply = Static<typeof BankMessagesReply>;
