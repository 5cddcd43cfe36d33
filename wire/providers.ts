import { Type } from '@sinclair/typebox';

export const KindParam = Type.Object({ kind: Type.Union([Type.Literal('sms'), Type.Literal('payments')]) });

const Values = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 50 });

export const SaveBody = Type.Object({
  provider: Type.String({ minLength: 1, maxLength: 32 }),
  /** The provider's settings (its schema.ts). Secret fields may be omitted to keep the stored ones. */
  settings: Values,
});

/** `{}` tests the stored settings; provider + settings test unsaved ones (omitted secrets come from the store). */
export const TestBody = Type.Object({
  provider: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  settings: Type.Optional(Values),
});

export const MaskedSettings = Type.Object({
  kind: Type.String(),
  provider: Type.String(),
  config: Values,
  secrets: Type.Record(Type.String(), Type.Union([Type.Literal('set'), Type.Literal('not set'), Type.Literal('unreadable')])),
  updatedAt: Type.String(),
  updatedBy: Type.Union([Type.Integer(), Type.Null()]),
});

const ProviderInfo = Type.Object({ code: Type.String(), secretFields: Type.Array(Type.String()), schema: Type.Unknown() });

export const SettingsReply = Type.Object({
  settings: Type.Array(MaskedSettings),
  providers: Type.Object({ sms: Type.Array(ProviderInfo), payments: Type.Array(ProviderInfo) }),
});

export const SaveReply = Type.Object({ settings: MaskedSettings });

export const TestReply = Type.Object({ ok: Type.Boolean(), provider: Type.String(), message: Type.String() });

export { ErrorReply } from './errors.js';
