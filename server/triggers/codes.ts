// The app's robot triggers (app.manifest.json "automationTriggers", registered at install and update
// by server/manifest/reconcile.ts) and the job that fires one. A process designer binds a trigger to
// a stage in the portal's automation rules; the app only says when it happened.
// doc: api-reference/crm/automation/triggers/index.md

export const TRIGGER = {
  dueSoon: 'installment_due_soon',
  overdue: 'installment_overdue',
  paidOff: 'loan_paid_off',
} as const;
export type TriggerCode = (typeof TRIGGER)[keyof typeof TRIGGER];

export const TRIGGER_JOB = 'automation.trigger';

export interface TriggerPayload {
  code: TriggerCode;
  dealId: number;
}

/**
 * Once per transition, ever: the outbox's unique idempotency key is the record. `what` names the
 * transition (loan:installment for an installment, the loan for paid off).
 */
export function triggerJobKey(portalId: string, code: TriggerCode, what: string): string {
  return `${TRIGGER_JOB}:${portalId}:${code}:${what}`;
}
