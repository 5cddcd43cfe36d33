import type { FastifyInstance, FastifyRequest } from 'fastify';
import qs from 'qs';
import { AppError } from './errors.js';

// Bitrix24 posts events, activity calls, SMS-sender calls and frame loads as PHP-style bracket forms
// (`auth[access_token]=…`, `document_id[0]=crm`). qs decodes them into nested objects; limits keep a
// hostile body from creating huge structures, and a form nested deeper than any Bitrix24 sends is
// refused (strictDepth) rather than flattened into odd keys.
export const FORM_DEPTH = 6;

export function parseBracketForm(body: string): Record<string, unknown> {
  return qs.parse(body, {
    depth: FORM_DEPTH,
    strictDepth: true,
    arrayLimit: 100,
    parameterLimit: 2000,
    allowPrototypes: false,
  });
}

// Only the routes a portal (or an SMS gateway's status callback) calls take form bodies: install,
// events, activities, the SMS sender and placements. Every other route is our JSON API, called by
// our widgets with `application/json`; a form body there is refused 415. Besides being one format
// to validate, a JSON-only API cannot be driven by a cross-site HTML form (it needs a CORS preflight).
const FORM_ROUTES = /^\/(?:install(?:\/|$)|events$|activities\/|sms\/|placements\/)/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route outside FORM_ROUTES that a portal posts to as a form (e.g. a placement stand-in in a test). */
    formBody?: boolean;
  }
}

export function acceptsForm(routeUrl: string | undefined, config?: { formBody?: boolean }): boolean {
  return config?.formBody === true || (routeUrl !== undefined && FORM_ROUTES.test(routeUrl));
}

function parseFor(req: FastifyRequest, body: string): Record<string, unknown> {
  if (!acceptsForm(req.routeOptions.url, req.routeOptions.config))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `form body to ${req.routeOptions.url}`, { key: 'JSON_ONLY' });
  try {
    return parseBracketForm(body);
  } catch (e) {
    if (e instanceof RangeError)
      throw new AppError('VALIDATION', 'form nests too deep', { key: 'FORM_TOO_DEEP', params: { depth: FORM_DEPTH } });
    throw e;
  }
}

/** Registers the form parser for the whole app (routes decide through acceptsForm). */
export function registerFormBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    try {
      done(null, parseFor(req, body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
