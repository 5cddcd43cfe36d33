// What the app registers in the portal: placements, event handlers, robots and activities, SMS senders.

export interface Placement {
  id: number;
  placement: string;
  handler: string;
  title: string;
  description: string;
  groupName: string;
  langAll: Record<string, { TITLE?: string; DESCRIPTION?: string; GROUP_NAME?: string }>;
  options: Record<string, unknown>;
  userId: number;
}

export interface EventBinding {
  id: number;
  event: string; // UPPERCASE
  handler: string;
  authType: number; // 0 = the user who triggered the event
  offline: boolean;
  authConnector?: string;
  options?: Record<string, unknown>;
  boundBy: number;
}

export interface BizprocRegistration {
  code: string;
  handler: string;
  authUserId: number;
  useSubscription: string;
  name: unknown;
  description: unknown;
  properties: Record<string, unknown>;
  returnProperties: Record<string, unknown>;
  documentType?: unknown;
  filter?: unknown;
  usePlacement: string;
  placementHandler?: string;
}

export interface SmsSender {
  code: string;
  type: string;
  handler: string;
  name: unknown;
  description: unknown;
}
