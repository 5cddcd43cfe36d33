import { Type, type Static } from '@sinclair/typebox';

// A call script (seed 000: "Call with information input"): ordered questions, each either a choice
// (every option names the next step) or a free input (one next step), and the deal field the
// answer fills. Steps end in an `end` whose outcome goes back to the workflow as a return value.

const Id = Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 });
const DealField = Type.String({ pattern: '^UF_CRM_[A-Z0-9_]+$', maxLength: 50 });

export const ChoiceQuestionSchema = Type.Object(
  {
    id: Id,
    type: Type.Literal('choice'),
    text: Type.String({ minLength: 1 }),
    hint: Type.Optional(Type.String()),
    field: Type.Optional(DealField),
    options: Type.Array(
      Type.Object(
        { value: Type.String({ pattern: '^[a-z0-9_]+$' }), label: Type.String({ minLength: 1 }), next: Id },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 12 },
    ),
  },
  { additionalProperties: false },
);

export const InputQuestionSchema = Type.Object(
  {
    id: Id,
    type: Type.Union([Type.Literal('text'), Type.Literal('number'), Type.Literal('money'), Type.Literal('date'), Type.Literal('phone')]),
    text: Type.String({ minLength: 1 }),
    hint: Type.Optional(Type.String()),
    field: Type.Optional(DealField),
    required: Type.Boolean(),
    /** Extra check the call widget applies to the answer. */
    validation: Type.Optional(Type.Union([Type.Literal('clabe')])),
    next: Id,
  },
  { additionalProperties: false },
);

export const OUTCOMES = ['completed', 'verified', 'not_confirmed', 'callback', 'wrong_number', 'rejected'] as const;

export const ScriptEndSchema = Type.Object(
  { id: Id, outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))), text: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

export const CallScriptSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
    lang: Type.Union([Type.Literal('es'), Type.Literal('ru'), Type.Literal('en')]),
    title: Type.String({ minLength: 1 }),
    description: Type.String(),
    /** Names usable as {{name}} in question texts, filled from the deal/contact/loan. */
    variables: Type.Array(Type.String({ pattern: '^[a-z_]+$' })),
    start: Id,
    questions: Type.Array(Type.Union([ChoiceQuestionSchema, InputQuestionSchema]), { minItems: 1, maxItems: 100 }),
    ends: Type.Array(ScriptEndSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const CallScriptFieldsSchema = Type.Object({
  $comment: Type.Optional(Type.String()),
  fields: Type.Array(
    Type.Object(
      {
        name: DealField,
        type: Type.Union([
          Type.Literal('string'),
          Type.Literal('boolean'),
          Type.Literal('enumeration'),
          Type.Literal('money'),
          Type.Literal('date'),
          Type.Literal('integer'),
        ]),
        label: Type.Object({ es: Type.String(), ru: Type.String(), en: Type.String() }),
      },
      { additionalProperties: false },
    ),
  ),
});

export type CallScript = Static<typeof CallScriptSchema>;
export type CallScriptQuestion = CallScript['questions'][number];
export type CallScriptEnd = Static<typeof ScriptEndSchema>;
export type CallScriptFields = Static<typeof CallScriptFieldsSchema>;
