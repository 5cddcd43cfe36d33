// event_token values handed to activity/robot handlers (contract.md §5.2): `<workflow_id>|<activity id>|<secret>`.
import type { Core } from './core.js';
import type { WorkflowToken } from './records/messages.js';
import { isoDate, randomToken } from './util.js';

export function createWorkflowToken(core: Core, o: { code: string; workflowId?: string }): WorkflowToken {
  const workflowId = o.workflowId ?? `${randomToken(7)}.${String(Date.now()).slice(-8)}`;
  const activityId = `A${[0, 0, 0, 0].map(() => Math.floor(10000 + Math.random() * 89999)).join('_')}`;
  const token: WorkflowToken = {
    eventToken: `${workflowId}|${activityId}|${randomToken(16)}`,
    workflowId,
    code: o.code,
    used: false,
    logMessages: [],
    createdAt: isoDate(),
  };
  core.state.workflowTokens.push(token);
  core.changed();
  return token;
}
