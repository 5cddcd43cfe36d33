// The deal lifecycle's job kinds and the auth_connector its writes carry, in one place.

export const LIFECYCLE_JOB = {
  /** Reads the offline event queue (ONOFFLINEEVENT, the minute tick) and handles each changed deal. */
  drain: 'lifecycle.drain',
  /** The loan side of a stage transition (offer fixed, issued, closed…), once per transition. */
  apply: 'lifecycle.apply',
  /** One stage move the loan asked for (crm.deal.update with the connector). */
  move: 'lifecycle.move',
  /** The deal's responsible set for the stage it entered (the map's roles), once per entry. */
  assign: 'lifecycle.assign',
  /** A note on the deal's timeline, once per transition and message (timeline-comment.ts). */
  comment: 'lifecycle.comment',
  /** The lender-pipeline preset: the pipeline, its stages, its map (preset/create-pipeline.ts). */
  preset: 'lifecycle.preset',
} as const;

export { AUTH_CONNECTOR } from '../portal-client/auth-connector.js';
