// Kysely row type for `activity_calls` (migration 202611220330-activity-calls).

/** received → running → done | failed; the call script waits for the employee in 'waiting'. */
export type ActivityCallStatus = 'received' | 'running' | 'waiting' | 'done' | 'failed';
export type ActivityCallSource = 'activity' | 'sms_sender';

export interface ActivityCallsTable {
  portal_id: string;
  id: string;
  source: ActivityCallSource;
  /** Activity CODE (send_sms, call_script, payout) or the SMS sender CODE. */
  code: string;
  /** event_token (activity) or message_id (SMS sender). */
  call_key: string;
  deal_id: number | null;
  /** JSON of the call without its auth block. */
  request: string;
  status: ActivityCallStatus;
  /** JSON return values sent with bizproc.event.send. */
  result: string | null;
  /** JSON answers of a call script. */
  answers: string | null;
  error: string | null;
  /** The log line sent with the result (bizproc.event.send LOG_MESSAGE), stored with it. */
  report_log: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityTables {
  activity_calls: ActivityCallsTable;
}
