import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { findTypeMismatch } from './json-types.js';
import { MAX_DEPTH, findTextProblem } from './request-text.js';

// One preValidation hook for every route, so no route has to remember: hostile text and nesting
// (request-text.ts) in params, query and body, and in a JSON body a value of another JSON type than
// the schema says (json-types.ts). Refused with 400 VALIDATION and the field's path.

/** preValidation hook: refuses the request with 400 VALIDATION before any route sees it (or Ajv coerces it). */
export async function refuseHostileInput(req: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', req.params],
    ['query', req.query],
    ['body', req.body],
  ] as const) {
    const problem = findTextProblem(value, part);
    if (!problem) continue;
    // The path names the field only; the offending value may be personal data and is never echoed.
    const message =
      problem.kind === 'depth'
        ? `${part} nests deeper than ${MAX_DEPTH} levels`
        : `${problem.path} contains a control or formatting character that is not allowed`;
    throw new AppError('VALIDATION', message, message, { field: problem.path });
  }
  if (isJson(req)) {
    const field = findTypeMismatch(req.routeOptions.schema?.body, req.body, (ref) => req.server.getSchema(ref));
    if (field) throw new AppError('VALIDATION', `${field} has the wrong type`, { key: 'FIELD_WRONG_TYPE', params: { field } }, { field });
  }
}

function isJson(req: FastifyRequest): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && /^application\/json\b/i.test(type);
}
