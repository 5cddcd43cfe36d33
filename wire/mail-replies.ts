import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of the bank-reply review queue (/api/v1/mail/replies, issue 16 items 4–5), declared
// once: the server's routes validate and serialise with them, the settings widget takes its types
// from them (type-only). A reply shows its fresh text, what was understood (decision, amount, bank,
// deal) and every reason it was not applied by itself (codes; the texts are
// templates/mail/refusal-reasons.ts, in the reader's language).

export const ReplyStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('applied'), Type.Literal('dismissed')]);

export const MailRepliesQuery = Type.Object({ status: Type.Optional(ReplyStatusSchema) });
export const MailReplyParams = Type.Object({ replyId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9a-f-]+$' }) });

export const MailReplyView = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  from: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.Union([Type.String(), Type.Null()]),
  /** The new text of the message, quotes and signatures cut (bounded). */
  freshText: Type.String(),
  dealId: Type.Union([Type.Integer(), Type.Null()]),
  /** The deal's card in the portal, when the reply names a deal. */
  dealUrl: Type.Union([Type.String(), Type.Null()]),
  bankId: Type.Union([Type.String(), Type.Null()]),
  bankName: Type.Union([Type.String(), Type.Null()]),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('counter-offer'), Type.Null()]),
  /** Decimal string. */
  amount: Type.Union([Type.String(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  matchedBy: Type.Union([Type.String(), Type.Null()]),
  verdict: Type.Union([Type.Literal('auto-apply'), Type.Literal('review')]),
  /** Refusal codes (server/mail/auto-apply.ts, server/mail/apply/decision-stage.ts). */
  reasons: Type.Array(Type.String()),
  status: ReplyStatusSchema,
  createdAt: Type.String(),
  decidedBy: Type.Union([Type.Integer(), Type.Null()]),
  /** Whether Apply can do anything: the reply names a deal, a bank and a decision. */
  applicable: Type.Boolean(),
});
export type MailReply = Static<typeof MailReplyView>;

export const MailRepliesReply = Type.Object({ replies: Type.Array(MailReplyView) });
export type MailReplies = Static<typeof MailRepliesReply>;

/** Apply is queued (the same job as a reply that applies by itself); Dismiss is done at once. */
export const MailReplyActionReply = Type.Object({ reply: MailReplyView, queued: Type.Boolean() });
export type MailReplyAction = Static<typeof MailReplyActionReply>;
