// OpenAPI at /docs (JSON at /docs/json) and the public lending API under /api/v1/lending.
// Registered before the other routes and without encapsulation so @fastify/swagger sees every route
// the app adds after it.
import type { FastifyPluginAsync } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { lendingApiRoutes } from './api/lending/index.js';

const docsAndLendingApi: FastifyPluginAsync = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'b24-lending API', version: '1.0.0', description: 'Amounts are decimal strings, dates ISO YYYY-MM-DD.' },
      tags: [{ name: 'lending', description: 'Schedules, servicing, prepayment and effective rates' }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(lendingApiRoutes, { prefix: '/api/v1/lending' });
};
// Same effect as fastify-plugin: share this context with the parent (swagger must see sibling routes).
(docsAndLendingApi as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export { docsAndLendingApi };
