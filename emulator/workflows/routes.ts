// Admin endpoints of the workflow runner (emulator's own, not Bitrix24's):
// POST /emulator/api/workflows {name, steps}, POST /emulator/api/workflows/:id/run {dealId} → {runId},
// GET /emulator/api/workflow-runs/:id, GET /emulator/api/workflows.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.js';
import { isRecord, toInt, toStr } from '../util.js';
import { WorkflowError, workflowsOf } from './runner.js';
import { workflowState, type WorkflowStep } from './types.js';

export function registerWorkflowRoutes(app: FastifyInstance, core: Core): void {
  const runner = workflowsOf(core);
  const bad = (e: unknown) => {
    if (e instanceof WorkflowError) return { error: e.message };
    throw e;
  };
  app.get('/emulator/api/workflows', async () => workflowState(core.state).workflowTemplates);
  app.post('/emulator/api/workflows', async (req, reply) => {
    const body = isRecord(req.body) ? req.body : {};
    try {
      return runner.defineTemplate(toStr(body.name) ?? 'Workflow', (Array.isArray(body.steps) ? body.steps : []) as WorkflowStep[]);
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });
  app.post<{ Params: { id: string } }>('/emulator/api/workflows/:id/run', async (req, reply) => {
    const body = isRecord(req.body) ? req.body : {};
    try {
      const run = runner.start(Number(req.params.id), toInt(body.dealId) ?? 0);
      return { runId: run.id, workflowId: run.workflowId };
    } catch (e) {
      return reply.code(400).send(bad(e));
    }
  });
  app.get<{ Params: { id: string } }>('/emulator/api/workflow-runs/:id', async (req, reply) => {
    const run = runner.run(req.params.id);
    return run ?? reply.code(404).send({ error: 'No such run' });
  });
}
