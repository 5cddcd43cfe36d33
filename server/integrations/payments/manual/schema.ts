import { Type, type Static } from '@sinclair/typebox';

// Manual / cash payouts: nothing is sent anywhere; the payout record is the whole effect.
export const ManualPayoutSettingsSchema = Type.Object(
  {
    /** 'pending' when someone still has to hand the money over and confirm it. */
    markAs: Type.Union([Type.Literal('succeeded'), Type.Literal('pending')], { default: 'succeeded' }),
  },
  { additionalProperties: false },
);

export type ManualPayoutSettings = Static<typeof ManualPayoutSettingsSchema>;
