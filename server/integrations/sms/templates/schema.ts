import { Type, type Static } from '@sinclair/typebox';

// templates/sms/<lang>/<id>.json. `transliterate` is chosen per template: Cyrillic costs 70/67
// characters per SMS, transliterated Latin 160/153 (integrations.md §2.3).
export const SmsTemplateSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
    lang: Type.Union([Type.Literal('es'), Type.Literal('ru'), Type.Literal('en')]),
    title: Type.String({ minLength: 1 }),
    /** Written to remind of an installment (before, on or after its due date): reminder rules may name it. */
    reminder: Type.Optional(Type.Literal(true)),
    transliterate: Type.Union([Type.Literal('es'), Type.Literal('ru'), Type.Literal(false)]),
    text: Type.String({ minLength: 1, maxLength: 1600 }),
    /** Variable name → label shown in the template editor. */
    variables: Type.Record(Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_.]*$' }), Type.String()),
    sample: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);

export type SmsTemplate = Static<typeof SmsTemplateSchema>;
