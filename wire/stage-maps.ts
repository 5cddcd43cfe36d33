import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of the deal lifecycle's stage mapping (/api/v1/settings/stage-maps), declared once:
// the server's routes validate and serialise with them (server/lifecycle uses StageMap as its stored
// shape), the settings widget takes its types from them (type-only). What an admin maps per pipeline
// (CATEGORY_ID): stages that drive the loan, and the stages the loan drives the deal to. Stage ids are
// the portal's STATUS_ID (e.g. "C3:ISSUED"; pipeline 0 has no prefix —
// api-reference/crm/status/crm-status-list.md).

export const STAGE_EVENTS = ['OFFER_FIXED', 'CONTRACT_SIGNED', 'ISSUED', 'CLOSED'] as const;
export type StageEvent = (typeof STAGE_EVENTS)[number];

const StageEventSchema = Type.Union([
  Type.Literal('OFFER_FIXED'),
  Type.Literal('CONTRACT_SIGNED'),
  Type.Literal('ISSUED'),
  Type.Literal('CLOSED'),
]);

const StageId = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_:\\-]+$' });

/**
 * Who becomes the deal's responsible (ASSIGNED_BY_ID) when it enters a stage: a fixed portal user,
 * or the user held in a deal field of type employee (e.g. the underwriter's UF_CRM_UNDERWRITER).
 */
export const StageRoleSchema = Type.Union([
  Type.Object({ userId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.String({ maxLength: 50, pattern: '^UF_CRM_[A-Z0-9_]+$' }) }, { additionalProperties: false }),
]);
export type StageRole = Static<typeof StageRoleSchema>;

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
    /**
     * Where a bank's decision read from its reply moves the deal (issue 16, server/mail/apply); a
     * missing key = that decision is never applied by itself (the reply waits in the review queue).
     */
    bankDecision: Type.Optional(
      Type.Object(
        { approved: Type.Optional(StageId), rejected: Type.Optional(StageId), counterOffer: Type.Optional(StageId) },
        { additionalProperties: false },
      ),
    ),
    /** Queue the loan's payout (existing payout flow) when the deal enters the issued stage. */
    payoutOnIssue: Type.Boolean(),
    /** Deal field holding the borrower's CLABE for that payout (e.g. UF_CRM_CLABE). */
    payoutClabeField: Type.Optional(Type.String({ maxLength: 50, pattern: '^UF_CRM_[A-Z0-9_]+$' })),
    /** Stage id → who becomes responsible on entering it; a missing stage = the responsible stays. */
    roles: Type.Optional(Type.Record(Type.String({ maxLength: 50 }), StageRoleSchema, { maxProperties: 60 })),
    /** Language of the messages the app leaves on the deal's timeline (the admin's, when saved). */
    lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en'), Type.Literal('es')])),
  },
  { additionalProperties: false },
);
export type StageMap = Static<typeof StageMapSchema>;

const Stage = Type.Object({
  id: Type.String(),
  name: Type.String(),
  semantics: Type.Union([Type.Literal('process'), Type.Literal('success'), Type.Literal('failure')]),
});

export const PipelineView = Type.Object({
  categoryId: Type.Integer(),
  name: Type.String(),
  stages: Type.Array(Stage),
  /** The saved mapping of this pipeline; null = the app does nothing on its deals. */
  map: Type.Union([StageMapSchema, Type.Null()]),
});
export type PipelineInfo = Static<typeof PipelineView>;

export const PipelinesReply = Type.Object({ pipelines: Type.Array(PipelineView) });

/**
 * The lender-pipeline preset (/api/v1/settings/lender-pipeline): none asked yet, being created (the
 * page asks again), done, failed (error = the code), or gone — the pipeline it created was deleted
 * in Bitrix24 (the page offers to create it again with `recreate`).
 */
export const LenderPipelineReply = Type.Object({
  state: Type.Union([Type.Literal('none'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('gone')]),
  categoryId: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type LenderPipelineInfo = Static<typeof LenderPipelineReply>;

export const LenderPipelineRequest = Type.Object({ recreate: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
