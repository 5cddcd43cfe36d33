// POST /api/v1/lending/<schedule|servicing|prepay|rates>: the lending core over HTTP for lenders'
// websites. Same JSON in and out as `npm run lending -- <command>` (both call lending/commands.ts).
// A malformed request answers 400, a loan that breaks a rule (e.g. its regulatory profile) 422;
// both as {error, message, path}.
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorReply } from '../../../error-reply.js';
import { langOfHeader } from '../../../errors.js';
import { isLendingError, runLendingCommand, type LendingCommand } from '../../../../lending/index.js';
import {
  LendingErrorReply,
  LoanInput,
  PrepayInput,
  PrepayReply,
  RatesInput,
  RatesReply,
  ScheduleReply,
  ServicingInput,
  ServicingReply,
} from './schemas.js';

const errors = { 400: LendingErrorReply, 422: LendingErrorReply };

const COMMANDS: { command: LendingCommand; summary: string; body: object; reply: object }[] = [
  {
    command: 'schedule',
    summary: 'Repayment schedule with totals and effective rates (ПСК / CAT / XIRR)',
    body: Type$Ref('LendingLoanInput'),
    reply: ScheduleReply,
  },
  {
    command: 'servicing',
    summary: 'Loan state as of a date: due/paid/outstanding, DPD, penalties, allocation, payoff',
    body: ServicingInput,
    reply: ServicingReply,
  },
  { command: 'prepay', summary: 'Partial early repayment: reduce term or installment', body: PrepayInput, reply: PrepayReply },
  { command: 'rates', summary: 'ПСК (353-FZ), CAT (Banxico) or XIRR from cash flows', body: RatesInput, reply: RatesReply },
];

function Type$Ref(id: string): object {
  return { $ref: `${id}#` };
}

function dotted(instancePath: string): string {
  return instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.');
}

export const lendingApiRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(LoanInput);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isLendingError(err)) return reply.code(err.kind === 'refused' ? 422 : 400).send(err.toJSON());
    if (err.validation) {
      const v = err.validation[0];
      const missing = (v?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const path = [dotted(v?.instancePath ?? ''), missing].filter(Boolean).join('.');
      return reply.code(400).send({ error: 'VALIDATION', message: err.message, path });
    }
    // Malformed JSON, a wrong media type, an oversized body: the app's answer, with the `path` this
    // API always carries (its 400 reply schema requires one; without it serialization failed → 500).
    const r = errorReply(err, req.log, langOfHeader(req.headers['accept-language']));
    return reply.code(r.status).send({ ...r.body, path: '' });
  });

  for (const c of COMMANDS) {
    app.post(
      `/${c.command}`,
      { schema: { tags: ['lending'], summary: c.summary, body: c.body, response: { 200: c.reply, ...errors } } },
      async (req) => runLendingCommand(c.command, req.body),
    );
  }
};
