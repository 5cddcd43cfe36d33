// The emulator's own control surface (not part of Bitrix24): counters, state, faults, install actions.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.js';
import { finishInstall, installApp, uninstallApp, updateApp, type InstallOptions } from '../install.js';
import { isRecord, toInt } from '../util.js';
import { createWebhook } from './webhooks.js';
import { ENTITY_DEAL } from '../state.js';
import { DEAL_FIELDS } from '../crm/fields.js';
import { fromLegacy, toLegacy } from '../crm/convert.js';
import { createRecord, deleteRecord, entityInfo, StageError, updateRecord } from '../crm/store.js';

export function registerAdminRoutes(app: FastifyInstance, core: Core): void {
  app.get('/emulator/api/stats', async () => core.stats);
  app.get('/emulator/api/state', async () => publicState(core));

  app.post('/emulator/api/faults', async (req) => {
    const body = isRecord(req.body) ? req.body : {};
    const f = core.opts.faults;
    for (const key of ['errorRate', 'delayMs', 'dropEvents'] as const) {
      const v = body[key];
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) f[key] = v;
      if (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) f[key] = Number(v);
    }
    return f;
  });

  app.post('/emulator/api/install', async (req) => {
    const body = (isRecord(req.body) ? req.body : {}) as InstallOptions;
    const res = await installApp(core, body);
    return {
      applicationToken: res.applicationToken,
      memberId: res.memberId,
      installEvent: res.installEvent,
      installFrame: res.installFrame,
    };
  });
  // Portal-side app settings an admin or the marketplace changes: { paymentExpired?: boolean }.
  app.post('/emulator/api/app', async (req, reply) => {
    const body = isRecord(req.body) ? req.body : {};
    if (!core.state.app) return reply.code(404).send({ error: 'NOT_INSTALLED' });
    if (typeof body.paymentExpired === 'boolean') core.state.app.paymentExpired = body.paymentExpired;
    core.changed();
    return { paymentExpired: core.state.app.paymentExpired ?? false };
  });
  app.post('/emulator/api/install/finish', async () => {
    finishInstall(core);
    return { installed: true };
  });
  app.post('/emulator/api/update', async (req) => {
    const body = isRecord(req.body) ? req.body : {};
    return { deliveries: await updateApp(core, { version: toInt(body.version) ?? (core.state.app?.version ?? 1) + 1 }) };
  });
  app.post('/emulator/api/uninstall', async (req) => {
    const body = isRecord(req.body) ? req.body : {};
    return { deliveries: await uninstallApp(core, { clean: body.clean === true || body.clean === 'Y' }) };
  });

  // A user working in the deal card: changes go through the same store, so ONCRMDEAL* events fire.
  // Body: { fields: { STAGE_ID: 'C1:APPROVED', … } (legacy names), userId?: number }.
  app.post('/emulator/api/deals', async (req, reply) => {
    const { fields, userId } = dealBody(req.body);
    try {
      const rec = createRecord(core, entityInfo(core, ENTITY_DEAL)!, fromLegacy(fields, DEAL_FIELDS, { allowImmutable: true }), userId);
      return toLegacy(rec, DEAL_FIELDS);
    } catch (err) {
      if (err instanceof StageError) return reply.code(400).send({ error: 'INVALID_STAGE', error_description: err.message });
      throw err;
    }
  });
  app.post('/emulator/api/deals/:id', async (req, reply) => {
    const id = toInt((req.params as { id: string }).id) ?? 0;
    const { fields, userId } = dealBody(req.body);
    try {
      // A user may move a deal to another pipeline in the UI, so CATEGORY_ID is accepted here.
      const rec = updateRecord(core, entityInfo(core, ENTITY_DEAL)!, id, fromLegacy(fields, DEAL_FIELDS, { allowImmutable: true }), userId);
      if (!rec) return reply.code(404).send({ error: 'NOT_FOUND', error_description: 'Deal not found' });
      return toLegacy(rec, DEAL_FIELDS);
    } catch (err) {
      if (err instanceof StageError) return reply.code(400).send({ error: 'INVALID_STAGE', error_description: err.message });
      throw err;
    }
  });
  app.delete('/emulator/api/deals/:id', async (req, reply) => {
    const id = toInt((req.params as { id: string }).id) ?? 0;
    if (!deleteRecord(core, entityInfo(core, ENTITY_DEAL)!, id, 1)) return reply.code(404).send({ error: 'NOT_FOUND' });
    return { deleted: id };
  });
  app.get('/emulator/api/events', async () => core.stats.events.deliveries);
  app.get('/emulator/files/:id/download', async (req, reply) => {
    const file = core.state.files.find((f) => f.id === toInt((req.params as { id: string }).id));
    if (!file) return reply.code(404).send();
    return reply
      .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
      .type('application/octet-stream')
      .send(Buffer.from(file.contentBase64, 'base64'));
  });

  // Incoming webhook, as an admin creates one under Developer resources.
  app.post('/emulator/api/webhooks', async (req) => {
    const body = isRecord(req.body) ? req.body : {};
    return createWebhook(core, { userId: toInt(body.userId), scope: Array.isArray(body.scope) ? body.scope.map(String) : undefined });
  });
}

function dealBody(body: unknown): { fields: Record<string, unknown>; userId: number } {
  const b = isRecord(body) ? body : {};
  return { fields: isRecord(b.fields) ? b.fields : {}, userId: toInt(b.userId) ?? 1 };
}

/** The state minus secrets a UI has no use for (tokens). */
export function publicState(core: Core): Record<string, unknown> {
  const { tokens: _tokens, ...rest } = core.state;
  // Deals and contacts also under their own names; `items` keeps every entity type by id.
  return { ...rest, deals: rest.items[String(ENTITY_DEAL)] ?? [], contacts: rest.items['3'] ?? [] };
}
