import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { analyzeSms } from '../../server/integrations/sms/encoding/index.js';
import { twilioSignature } from '../../server/integrations/sms/twilio/signature.js';

// A local stand-in for api.twilio.com that follows the documented shapes of the Messages API
// (message resource JSON; error JSON {code, message, more_info, status}; status callbacks as
// signed forms). For tests and the demo; it listens on port 0.

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  numSegments: number;
  statusCallback?: string;
}

export interface FakeTwilio {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  messages: FakeTwilioMessage[];
  /** Answer the next n creates with this HTTP status (Twilio error body), e.g. 500 or 429. */
  failNext(status: number, n?: number): void;
  /** Delay the next n creates by ms (after storing the message: a client timeout then leaves the outcome unknown). */
  delayNext(ms: number, n?: number): void;
  /** POST a signed status callback for a message to its StatusCallback URL. */
  sendStatus(sid: string, status: string, errorCode?: string): Promise<number>;
  close(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;

function twilioError(code: number, message: string, status: number) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export async function startFakeTwilio(options: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeTwilioMessage[] = [];
  const failures: number[] = [];
  const delays: number[] = [];
  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(formbody);

  app.post<{ Params: { sid: string }; Body: Record<string, string> }>('/2010-04-01/Accounts/:sid/Messages.json', async (req, reply) => {
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected || req.params.sid !== accountSid) {
      return reply.code(401).send(twilioError(20003, 'Authenticate', 401));
    }
    const failure = failures.shift();
    if (failure !== undefined)
      return reply.code(failure).send(twilioError(failure === 429 ? 20429 : 20500, 'Internal Server Error', failure));
    const { To, From, Body, StatusCallback } = req.body ?? {};
    if (!To || !E164.test(To))
      return reply.code(400).send(twilioError(21211, `The 'To' number ${To ?? ''} is not a valid phone number.`, 400));
    if (!From) return reply.code(400).send(twilioError(21603, "A 'From' phone number is required.", 400));
    if (!Body) return reply.code(400).send(twilioError(21602, 'Message body is required.', 400));
    if (Body.length > 1600)
      return reply.code(400).send(twilioError(21617, 'The concatenated message body exceeds the 1600 character limit.', 400));
    const msg: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: To,
      from: From,
      body: Body,
      status: 'queued',
      numSegments: analyzeSms(Body).segments,
      ...(StatusCallback ? { statusCallback: StatusCallback } : {}),
    };
    messages.push(msg);
    const delay = delays.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const now = new Date().toUTCString();
    return reply.code(201).send({
      sid: msg.sid,
      account_sid: accountSid,
      to: msg.to,
      from: msg.from,
      body: msg.body,
      status: msg.status,
      num_segments: String(msg.numSegments),
      num_media: '0',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      price: null,
      price_unit: 'USD',
      error_code: null,
      error_message: null,
      date_created: now,
      date_updated: now,
      date_sent: null,
      messaging_service_sid: null,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${msg.sid}.json`,
    });
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    failNext(status, n = 1) {
      for (let i = 0; i < n; i++) failures.push(status);
    },
    delayNext(ms, n = 1) {
      for (let i = 0; i < n; i++) delays.push(ms);
    },
    async sendStatus(sid, status, errorCode) {
      const msg = messages.find((m) => m.sid === sid);
      if (!msg?.statusCallback) throw new Error(`No status callback for ${sid}`);
      msg.status = status;
      const params: Record<string, string> = {
        AccountSid: accountSid,
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        From: msg.from,
        To: msg.to,
        ApiVersion: '2010-04-01',
      };
      if (errorCode) params.ErrorCode = errorCode;
      const res = await fetch(msg.statusCallback, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(authToken, msg.statusCallback, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      return res.status;
    },
    close: () => app.close(),
  };
}
