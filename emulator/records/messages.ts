// What passes between the portal and the app at run time: workflow event tokens, the offline event queue,
// SMS handed to a sender and telephony calls registered by the app.

/** One event_token handed to an activity handler; bizproc.event.send resolves it once. */
export interface WorkflowToken {
  eventToken: string;
  workflowId: string;
  code: string;
  used: boolean;
  returnValues?: Record<string, unknown>;
  logMessages: string[];
  createdAt: string;
  completedAt?: string;
}

/** One row of the offline event queue (contract.md §3.4): one record per object, the latest change. */
export interface OfflineEvent {
  id: number;
  timestamp: string;
  eventName: string;
  eventData: Record<string, unknown>;
  additional: Record<string, unknown>;
  messageId: string;
  processId: string;
  error: boolean;
  authConnector?: string;
}

export interface SmsMessage {
  messageId: string;
  senderCode: string;
  to: string;
  body: string;
  status: string;
  history: { status: string; at: string }[];
}

export interface ExternalCall {
  callId: string;
  userId: number;
  phoneNumber: string;
  type: number;
  crmEntityType?: string;
  crmEntityId?: number;
  finished: boolean;
  duration?: number;
  statusCode?: string;
  created: string;
}
