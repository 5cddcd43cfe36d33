import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of the document packs' banks and application values (issue 15, items 1–2), declared
// once: the server's routes validate with them; the documents tab will take its types from them.

const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' });
/** A full address, or "@domain" for every address of the bank's domain. */
const Sender = Type.String({ minLength: 3, maxLength: 254, pattern: '^([^@\\s]+)?@[^@\\s]+\\.[^@\\s]+$' });
const Phone = Type.String({ minLength: 3, maxLength: 40, pattern: '^[+0-9 ()-]+$' });
const Code = Type.String({ minLength: 1, maxLength: 100 });
const DealCurrencies = Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { minItems: 1, maxItems: 20, uniqueItems: true });

/** A factor of the requested amount ("0.8", "1", "1.05"). */
const Factor = Type.String({ minLength: 1, maxLength: 12, pattern: '^(0|[1-9][0-9]{0,2})([.][0-9]{1,4})?$' });
/**
 * When a reply from this bank may move a deal by itself (issue 16 item 4, server/mail/auto-apply.ts):
 * how its sender is authenticated — 'dmarc', 'dkim' (a bank whose domain has no DMARC record yet) or
 * 'off' (not set up at all) — and the band of the requested amount an approval must lie in.
 */
export const ReplyPolicy = Type.Object({
  authentication: Type.Union([Type.Literal('dmarc'), Type.Literal('dkim'), Type.Literal('off')]),
  bandMin: Factor,
  bandMax: Factor,
});

/**
 * What the app writes to this bank from a deal (issue 16 item 2, server/mail/outgoing/bank-template.ts),
 * in the bank's language: `{{deal}}`, `{{dealTitle}}`, `{{client}}`, `{{bank}}`, `{{amount}}`,
 * `{{term}}`, `{{manager}}`; any other placeholder is refused on save (422 BANK_TEMPLATE_PLACEHOLDER).
 */
/** A bank's message language and, optionally, its own texts: a text left out is the language's default. */
export const BankMessageTemplate = Type.Object(
  {
    lang: Type.Union([Type.Literal('ru'), Type.Literal('es'), Type.Literal('en')]),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    sms: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000 })),
  },
  { additionalProperties: false },
);
export type BankMessageTemplate = Static<typeof BankMessageTemplate>;

export const BankBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  emails: Type.Array(Email, { maxItems: 20 }),
  replySenders: Type.Array(Sender, { maxItems: 20 }),
  phones: Type.Array(Phone, { maxItems: 20 }),
  requiredFields: Type.Array(Code, { maxItems: 3000 }),
  /** Absent on save: the stored policy stays (or the defaults: dmarc, exactly the requested amount). */
  replyPolicy: Type.Optional(ReplyPolicy),
  /** Absent on save: the stored template stays; null: back to the default of the bank's language. */
  messageTemplate: Type.Optional(Type.Union([BankMessageTemplate, Type.Null()])),
  /**
   * The deals' currencies the bank takes applications for (["MXN"]), as a catalog field's
   * `dealCurrencies`: the Documents tab pre-ticks the bank only on such a deal. Absent on save: the
   * stored list stays; null: any deal (also what a bank without a list reads as).
   */
  dealCurrencies: Type.Optional(Type.Union([DealCurrencies, Type.Null()])),
});
export const Bank = Type.Object({
  id: Type.String(),
  ...BankBody.properties,
  /** The stored contacts could not be read (altered at rest): shown empty; saving the bank replaces them. */
  contactsUnreadable: Type.Optional(Type.Literal(true)),
});
export const BankParams = Type.Object({ bankId: Type.String({ minLength: 1, maxLength: 64 }) });
export const BankReply = Type.Object({ bank: Bank });
export const BanksReply = Type.Object({ banks: Type.Array(Bank) });

/** A field's value as JSON (checked against the pinned catalog version's type); null removes it. */
export const FieldValues = Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Unknown(), { maxProperties: 3000 });
/** Base values when bankId is absent, else that bank's overrides (null = reset to base). */
export const ValuesBody = Type.Object({ bankId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), values: FieldValues });
export const ResolvedValue = Type.Object({
  code: Type.String(),
  value: Type.Unknown(),
  source: Type.Union([Type.Literal('base'), Type.Literal('override')]),
  /** The stored value could not be read (altered at rest): value is null; saving a new one replaces it. */
  unreadable: Type.Optional(Type.Literal(true)),
});
/** A stored value that could not be read: the base (bankId null) or a bank's override. */
export const UnreadableValue = Type.Object({ bankId: Type.Union([Type.String(), Type.Null()]), code: Type.String() });
export const ValuesReply = Type.Object({
  catalogVersion: Type.Integer(),
  base: FieldValues,
  banks: Type.Array(
    Type.Object({
      bankId: Type.String(),
      name: Type.String(),
      values: Type.Array(ResolvedValue),
      /**
       * Completeness for this bank, computed on the server (values/completeness.ts): how many of the
       * bank's required fields the pinned catalog version has, and which of them have no value yet.
       */
      required: Type.Integer({ minimum: 0 }),
      missing: Type.Array(Type.String()),
      /** The bank's deal currencies (BankBody); absent: any deal. */
      dealCurrencies: Type.Optional(DealCurrencies),
    }),
  ),
  /** Values shown as null because their stored ciphertext does not open; absent when all were read. */
  unreadable: Type.Optional(Type.Array(UnreadableValue)),
  /**
   * The loan-sourced fields' values from the deal's saved loan as it is now (what a document takes
   * when nothing is typed); absent: no saved loan or no such field. The tab shows them and says when a
   * typed value differs.
   */
  loan: Type.Optional(FieldValues),
});
export const ResetParams = Type.Object({
  dealId: Type.Integer({ minimum: 1 }),
  bankId: Type.String({ minLength: 1, maxLength: 64 }),
  code: Code,
});
export const HistoryReply = Type.Object({
  history: Type.Array(
    Type.Object({
      bankId: Type.Union([Type.String(), Type.Null()]),
      code: Type.String(),
      old: Type.Unknown(),
      new: Type.Unknown(),
      changedAt: Type.String(),
      changedBy: Type.Union([Type.Integer(), Type.Null()]),
      /** old or new could not be read (altered at rest) and is shown as null. */
      unreadable: Type.Optional(Type.Literal(true)),
    }),
  ),
});

export type BankInput = Static<typeof BankBody>;
export type BankView = Static<typeof Bank>;
export type ReplyPolicyView = Static<typeof ReplyPolicy>;
export type ValuesView = Static<typeof ValuesReply>;
export type ValueChange = Static<typeof HistoryReply>['history'][number];
