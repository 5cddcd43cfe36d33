import { Type, type Static } from '@sinclair/typebox';

// What an admin maps per pipeline (CATEGORY_ID): stages that drive the loan, and the stages the
// loan drives the deal to. Stage ids are the portal's STATUS_ID (e.g. "C3:ISSUED"; pipeline 0 has no
// prefix — api-reference/crm/status/crm-status-list.md).

export const STAGE_EVENTS = ['OFFER_FIXED', 'CONTRACT_SIGNED', 'ISSUED', 'CLOSED'] as const;
export type StageEvent = (typeof STAGE_EVENTS)[number];

const StageEventSchema = Type.Union([
  Type.Literal('OFFER_FIXED'),
  Type.Literal('CONTRACT_SIGNED'),
  Type.Literal('ISSUED'),
  Type.Literal('CLOSED'),
]);

const StageId = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_:\\-]+$' });

export const StageMapSchema = Type.Object(
  {
    /** Stage id → the loan event entering it causes. */
    onStage: Type.Record(Type.String({ maxLength: 50 }), StageEventSchema, {
      maxProperties: 60,
    }),
    /** Where the loan moves the deal; a missing key = the app never moves for it. */
    toStage: Type.Object(
      {
        paidOff: Type.Optional(StageId),
        current: Type.Optional(StageId),
        /** Days-past-due thresholds, each with its stage (e.g. 1, 30, 90). */
        overdue: Type.Array(Type.Object({ days: Type.Integer({ minimum: 1, maximum: 3650 }), stageId: StageId }), {
          maxItems: 10,
        }),
      },
      { additionalProperties: false },
    ),
    /** Queue the loan's payout (existing payout flow) when the deal enters the issued stage. */
    payoutOnIssue: Type.Boolean(),
    /** Deal field holding the borrower's CLABE for that payout (e.g. UF_CRM_CLABE). */
    payoutClabeField: Type.Optional(Type.String({ maxLength: 50, pattern: '^UF_CRM_[A-Z0-9_]+$' })),
    /** Language of the messages the app leaves on the deal's timeline (the admin's, when saved). */
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en'), Type.Literal('es')])),
  },
  { additionalProperties: false },
);
export type StageMap = Static<typeof StageMapSchema>;

export const EMPTY_STAGE_MAP: StageMap = { onStage: {}, toStage: { overdue: [] }, payoutOnIssue: false };

/** Thresholds ascending and distinct; a stage id cannot both drive the loan and be a loan target of another kind. */
export function normaliseStageMap(m: StageMap): StageMap {
  const seen = new Set<number>();
  const overdue = [...m.toStage.overdue].sort((a, b) => a.days - b.days).filter((o) => !seen.has(o.days) && seen.add(o.days));
  return { ...m, toStage: { ...m.toStage, overdue } };
}
