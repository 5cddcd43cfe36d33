// Our business-process blocks (app.manifest.json "activities") and their job kinds.
export const ACTIVITY_CODES = ['send_sms', 'call_script', 'payout', 'check_applicant'] as const;
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

export const JOB_KIND = {
  send_sms: 'activity.send_sms',
  call_script: 'activity.call_script',
  payout: 'activity.payout',
  check_applicant: 'activity.check_applicant',
  smsSender: 'sms.sender.send',
  callScriptFinish: 'activity.call_script.finish',
  /** Queued by earlier versions only: the answer to a workflow as its own job (jobs/report.ts). */
  report: 'activity.report',
} as const;

/** Deal id from document_id[2] = DEAL_<id> (contract.md §5.2): the part after the last `_`. */
export function dealIdOf(documentId: unknown): number | null {
  const third: unknown = Array.isArray(documentId) ? (documentId as unknown[])[2] : undefined;
  if (typeof third !== 'string' || !/^DEAL_\d+$/.test(third)) return null;
  return Number(third.slice(third.lastIndexOf('_') + 1));
}
