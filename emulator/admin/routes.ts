// The emulator's own control surface (not part of Bitrix24): counters, state, faults, install actions.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.js';
import { finishInstall, installApp, uninstallApp, type InstallOptions } from '../install.js';
import { isRecord, nextIdOf, randomToken, toInt } from '../util.js';

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
  app.post('/emulator/api/install/finish', async () => {
    finishInstall(core);
    return { installed: true };
  });
  app.post('/emulator/api/uninstall', async (req) => {
    const body = isRecord(req.body) ? req.body : {};
    return { deliveries: await uninstallApp(core, { clean: body.clean === true || body.clean === 'Y' }) };
  });

  // Incoming webhook, as an admin creates one under Developer resources.
  app.post('/emulator/api/webhooks', async (req) => {
    const body = isRecord(req.body) ? req.body : {};
    const userId = toInt(body.userId) ?? 1;
    const scope = Array.isArray(body.scope) ? body.scope.map(String) : ['crm', 'user', 'user_brief', 'bizproc', 'im', 'disk', 'telephony'];
    const hook = { id: nextIdOf(core.state, 'webhook'), userId, secret: randomToken(8), scope };
    core.state.webhooks.push(hook);
    core.changed();
    return { ...hook, url: `${core.baseUrl}/rest/${userId}/${hook.secret}/` };
  });
}

/** The state minus secrets a UI has no use for (tokens). */
export function publicState(core: Core): Record<string, unknown> {
  const { tokens: _tokens, ...rest } = core.state;
  return rest;
}
