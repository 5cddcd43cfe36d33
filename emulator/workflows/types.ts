// Workflow templates and runs of the emulated portal. Kept inside EmulatorState (as extra keys) so they
// are dumped by GET /emulator/api/state and persisted with the rest of the portal.
import type { EmulatorState } from '../state.js';

/** An app activity or robot by CODE, with property values (expressions allowed). */
export interface ActivityStep {
  type: 'activity';
  /** Step id used in expressions of later steps: {=A1:status}. Default A<n>. */
  id?: string;
  code: string;
  properties?: Record<string, unknown>;
  /** timeout_duration sent to the handler and honoured while waiting (seconds). */
  timeoutSec?: number;
  /** Deliver the SAME call N times (duplicate-delivery tests); default 1. */
  deliveries?: number;
}

export interface ChangeStageStep {
  type: 'changeStage';
  id?: string;
  stageId: string;
}

export interface WaitStep {
  type: 'wait';
  id?: string;
  ms: number;
}

/** "Send SMS" built-in through a registered messageservice sender (module_id=bizproc). */
export interface SmsStep {
  type: 'sms';
  id?: string;
  senderCode: string;
  text: string;
  phone?: string;
}

export type WorkflowStep = ActivityStep | ChangeStageStep | WaitStep | SmsStep;

export interface WorkflowTemplate {
  id: number;
  name: string;
  steps: WorkflowStep[];
  createdAt: string;
}

export interface StepLog {
  id: string;
  type: WorkflowStep['type'];
  code?: string;
  status: 'running' | 'done' | 'timeout' | 'failed';
  eventToken?: string;
  /** Properties after expression evaluation, as POSTed. */
  properties?: Record<string, unknown>;
  /** HTTP status of each delivery of the handler call (null = no answer). */
  deliveries?: (number | null)[];
  /** Distinct transport errors of those deliveries (first few). */
  deliveryErrors?: string[];
  returnValues?: Record<string, unknown>;
  /** bizproc.activity.log messages and bizproc.event.send LOG_MESSAGE, in order. */
  log: string[];
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

export interface WorkflowRun {
  id: string;
  workflowId: string;
  templateId: number;
  dealId: number;
  status: 'running' | 'done' | 'failed';
  steps: StepLog[];
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

interface WorkflowStateExt {
  workflowTemplates?: WorkflowTemplate[];
  workflowRuns?: WorkflowRun[];
}

/** Lazily adds the workflow keys to the portal state (state.ts belongs to the core; these are ours). */
export function workflowState(state: EmulatorState): Required<WorkflowStateExt> {
  const s = state as EmulatorState & WorkflowStateExt;
  s.workflowTemplates ??= [];
  s.workflowRuns ??= [];
  return s as Required<WorkflowStateExt>;
}
