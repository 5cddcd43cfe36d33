import type { FastifyRequest } from 'fastify';
import { numberLocaleOf } from '../../../../lending/index.js';
import type { Actor } from '../../../documents/catalog/catalog-repo.js';

/** Who acts, now, and the user's language for messages: the widget sends its own as Accept-Language. */
export function actorOf(req: FastifyRequest, userId: number): Actor {
  return { userId, nowIso: new Date().toISOString(), lang: numberLocaleOf(req.headers['accept-language']) };
}
