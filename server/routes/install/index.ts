import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { applyManifest, storeInstall, verifyInstallToken } from '../../install/install-service.js';
import { handleLifecycleEvent } from '../../install/lifecycle.js';
import { endpointFromFrame } from '../../portal-client/direct-call.js';
import { ErrorBody, FrameQuery, InstallFrameBody, LifecycleBody, Ok } from './schemas.js';
import { installPage } from './page.js';

// Install paths (contract.md §1.1–§1.4):
//  POST /install           — the install frame POST (query DOMAIN/PROTOCOL/LANG/APP_SID, form tokens);
//                            verify → store → apply manifest → page that calls installFinish.
//                            Re-install of an installed portal: administrators only (install-service.ts).
//  POST /install/callback  — ONAPPINSTALL / ONAPPUPDATE / ONAPPUNINSTALL (form, auth[...]).
//  GET  /install/b24jssdk.js — the SDK's UMD bundle for the install page.

const require = createRequire(import.meta.url);
let sdkBundle: Buffer | undefined;
function sdk(): Buffer {
  sdkBundle ??= readFileSync(require.resolve('@bitrix24/b24jssdk').replace(/dist[\\/].*$/, 'dist/umd/index.min.js'));
  return sdkBundle;
}

export const installRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/install',
    {
      schema: {
        querystring: FrameQuery,
        body: InstallFrameBody,
        response: { 200: Type.String(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      const { DOMAIN, PROTOCOL, LANG } = req.query;
      const b = req.body;
      const v = await verifyInstallToken(app, b.member_id, endpointFromFrame(DOMAIN, PROTOCOL), DOMAIN, b.AUTH_ID, b.REFRESH_ID);
      const expiresIn = Number(b.AUTH_EXPIRES ?? 3600);
      const portal = await storeInstall(
        app,
        {
          memberId: b.member_id,
          domain: DOMAIN,
          clientEndpoint: v.endpoint,
          serverEndpoint: b.SERVER_ENDPOINT ?? `${app.config.B24_OAUTH_SERVER}/rest/`,
          accessToken: b.AUTH_ID,
          refreshToken: b.REFRESH_ID,
          expiresAtMs: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
          applicationToken: b.APPLICATION_TOKEN,
          scope: b.APPLICATION_SCOPE ?? '',
          userId: v.userId,
        },
        v,
      );
      await applyManifest(app, portal, LANG ?? 'en');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(installPage(LANG ?? 'en'));
    },
  );

  app.post(
    '/install/callback',
    { schema: { body: LifecycleBody, response: { 200: Ok, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody } } },
    async (req) => {
      return handleLifecycleEvent(app, req.body);
    },
  );

  app.get('/install/b24jssdk.js', { schema: { hide: true } }, async (_req, reply) => {
    return reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(sdk());
  });
};
