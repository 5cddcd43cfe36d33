// The one hook emulator/index.ts calls: workflow runner and SMS dispatch routes.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.js';
import { registerWorkflowRoutes } from './routes.js';
import { registerSmsRoutes } from '../sms/routes.js';

export function registerWorkflowArea(app: FastifyInstance, core: Core): void {
  registerWorkflowRoutes(app, core);
  registerSmsRoutes(app, core);
}

export { workflowsOf, WorkflowRunner, WorkflowError } from './runner.js';
export type { WorkflowStep, WorkflowTemplate, WorkflowRun, StepLog } from './types.js';
export { dispatchSms, type SmsRequest, type SmsDispatch } from '../sms/dispatch.js';
