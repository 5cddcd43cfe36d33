import { randomBytes, randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import Fastify, { type FastifyReply } from 'fastify';
import { isValidClabe } from '../../lending/clabe.js';

// A local OpenPay payouts API following the public reference (open-pay/slate: payments.md,
// errors.md, common_objects.md): transaction objects, error objects {category, description,
// http_code, error_code, request_id}, 409/1006 for a repeated order_id. Faults can be injected.
// Listens on port 0; for tests and the demo.

export interface FakeOpenpayPayout {
  id: string;
  order_id: string | null;
  amount: string;
  status: 'in_progress' | 'completed' | 'failed' | 'cancelled';
  clabe: string;
  holder_name: string;
  description: string;
  creation_date: string;
  error_message: string | null;
}

export interface FakeOpenpay {
  baseUrl: string;
  merchantId: string;
  privateKey: string;
  payouts: FakeOpenpayPayout[];
  /** Every POST …/payouts that reached the server, answered or not. */
  createRequests: number;
  /** Answer the next n creates with this status without creating (500 → 1000, 503 → 1004). */
  failNext(status: number, n?: number): void;
  /** Create the payout, then answer 500 anyway (the ambiguous case). */
  failAfterCreateNext(n?: number): void;
  /** Create the payout, then wait ms before answering (client timeouts). */
  delayNext(ms: number, n?: number): void;
  /** Merchant balance; payouts above it get 412/4001. undefined = unlimited. */
  balance: string | undefined;
  /** Whether the list endpoint honours ?order_id= (UNVERIFIED in the real API). */
  honourOrderIdFilter: boolean;
  /** Forget queued failures and delays. */
  clearFaults(): void;
  complete(id: string): void;
  fail(id: string, message: string): void;
  close(): Promise<void>;
}

const HTTP_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function sendError(reply: FastifyReply, http: number, errorCode: number, description: string) {
  return reply.code(http).send({
    category: http >= 500 ? 'internal' : errorCode === 4001 ? 'gateway' : 'request',
    description,
    http_code: http,
    error_code: errorCode,
    request_id: randomUUID(),
  });
}

function view(p: FakeOpenpayPayout) {
  return {
    id: p.id,
    authorization: null,
    method: 'bank_account',
    operation_type: 'out',
    transaction_type: 'payout',
    status: p.status,
    currency: 'MXN',
    creation_date: p.creation_date,
    operation_date: p.creation_date,
    description: p.description,
    error_message: p.error_message,
    order_id: p.order_id,
    amount: Number(p.amount),
    bank_account: {
      clabe: `${p.clabe.slice(0, 3)}XXXXXXXXXXX${p.clabe.slice(-4)}`,
      bank_code: p.clabe.slice(0, 3),
      bank_name: 'BANCO',
      alias: null,
      holder_name: p.holder_name,
    },
    customer_id: null,
  };
}

export async function startFakeOpenpay(): Promise<FakeOpenpay> {
  const merchantId = randomBytes(10)
    .toString('hex')
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string);
  const privateKey = `sk_${randomBytes(16).toString('hex')}`;
  const failures: number[] = [];
  const delays: number[] = [];
  let failAfterCreate = 0;
  const app = Fastify({ logger: false, forceCloseConnections: true });
  // Keep the raw body: OpenPay amounts are JSON numbers and we check they arrive exact.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, { raw: body as string, json: JSON.parse(body as string) as unknown });
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    const m = /^\/v1\/([^/]+)\//.exec(req.url);
    const expected = `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`;
    if (!m || m[1] !== merchantId || req.headers.authorization !== expected) {
      return sendError(reply, 401, 1002, 'The api key or merchant id are invalid');
    }
  });

  app.post<{ Body: { raw: string; json: Record<string, unknown> } }>('/v1/:merchantId/payouts', async (req, reply) => {
    fake.createRequests++;
    const failure = failures.shift();
    if (failure !== undefined) return sendError(reply, failure, failure === 503 ? 1004 : 1000, HTTP_TEXT[failure] ?? 'error');
    const { raw, json } = req.body ?? { raw: '', json: {} };
    const bank = json.bank_account as { clabe?: unknown; holder_name?: unknown } | undefined;
    const amountRaw = /"amount"\s*:\s*([0-9.]+)/.exec(raw)?.[1];
    if (json.method !== 'bank_account' || !bank) return sendError(reply, 400, 1001, 'method must be bank_account with bank_account');
    if (typeof bank.clabe !== 'string' || !isValidClabe(bank.clabe))
      return sendError(reply, 400, 1001, 'bank_account.clabe is not a valid CLABE');
    if (typeof bank.holder_name !== 'string' || !bank.holder_name)
      return sendError(reply, 400, 1001, 'bank_account.holder_name is required');
    if (!amountRaw || !/^\d+(\.\d{1,2})?$/.test(amountRaw) || new Decimal(amountRaw).lte(0))
      return sendError(reply, 400, 1001, 'amount must be greater than zero, with up to two decimal digits');
    if (typeof json.description !== 'string' || !json.description) return sendError(reply, 400, 1001, 'description is required');
    const orderId = typeof json.order_id === 'string' ? json.order_id : null;
    if (orderId && fake.payouts.some((p) => p.order_id === orderId))
      return sendError(reply, 409, 1006, 'The orderId has already been processed');
    if (fake.balance !== undefined && new Decimal(amountRaw).gt(fake.balance))
      return sendError(reply, 412, 4001, 'The account has insufficient funds');
    if (fake.balance !== undefined) fake.balance = new Decimal(fake.balance).minus(amountRaw).toFixed(2);
    const p: FakeOpenpayPayout = {
      id: `tr${randomBytes(9).toString('hex')}`,
      order_id: orderId,
      amount: new Decimal(amountRaw).toFixed(2),
      status: 'in_progress',
      clabe: bank.clabe,
      holder_name: bank.holder_name,
      description: json.description,
      creation_date: new Date().toISOString(),
      error_message: null,
    };
    fake.payouts.push(p);
    if (failAfterCreate > 0) {
      failAfterCreate--;
      return sendError(reply, 500, 1000, 'Internal Server Error');
    }
    const delay = delays.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    return reply.code(200).send(view(p));
  });

  app.get<{ Params: { id: string } }>('/v1/:merchantId/payouts/:id', async (req, reply) => {
    const p = fake.payouts.find((x) => x.id === req.params.id);
    if (!p) return sendError(reply, 404, 1005, `The requested resource doesn't exist`);
    return view(p);
  });

  app.get<{ Querystring: Record<string, string> }>('/v1/:merchantId/payouts', async (req) => {
    const q = req.query;
    let list = [...fake.payouts].reverse(); // newest first, as documented
    if (q['creation[gte]']) list = list.filter((p) => p.creation_date.slice(0, 10) >= (q['creation[gte]'] as string));
    if (q.order_id && fake.honourOrderIdFilter) list = list.filter((p) => p.order_id === q.order_id);
    const offset = Number(q.offset ?? 0);
    const limit = Math.min(Number(q.limit ?? 10), 100);
    return list.slice(offset, offset + limit).map(view);
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const fake: FakeOpenpay = {
    baseUrl: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    merchantId,
    privateKey,
    payouts: [],
    createRequests: 0,
    balance: undefined,
    honourOrderIdFilter: true,
    failNext(status, n = 1) {
      for (let i = 0; i < n; i++) failures.push(status);
    },
    failAfterCreateNext(n = 1) {
      failAfterCreate += n;
    },
    delayNext(ms, n = 1) {
      for (let i = 0; i < n; i++) delays.push(ms);
    },
    clearFaults() {
      failures.length = 0;
      delays.length = 0;
      failAfterCreate = 0;
    },
    complete(id) {
      const p = fake.payouts.find((x) => x.id === id);
      if (p) p.status = 'completed';
    },
    fail(id, message) {
      const p = fake.payouts.find((x) => x.id === id);
      if (p) Object.assign(p, { status: 'failed', error_message: message });
    },
    close: () => app.close(),
  };
  return fake;
}
