import { createSecretBox } from '../../security/crypto.js';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { AppError } from '../../errors.js';
import type { SmsProvider, SmsSendRequest } from '../../integrations/sms/provider.js';
import { findSmsByKey, recordSmsStatus } from '../../integrations/sms/sending/index.js';
import { OutboxWorker } from '../../jobs/worker.js';
import type { PortalClient } from '../../portal-client/portal-client.js';
import { getCall } from '../call-repo.js';
import { JOB_KIND } from '../codes.js';
import { createProviders } from '../providers.js';
import { receiveCall } from '../receive.js';
import { activityJobEntries } from './index.js';

// The send_sms robot as one job, on both dialects: render → send through the provider port → answer
// the workflow. The answer is retried by the same job without sending again, a refusal no retry heals
// ends in a dead letter, and a later delivery receipt updates the message, not the workflow.

const PORTAL = 'p-robot';
const TOKEN = 'event-token-1';
let db: Db;
let sent: SmsSendRequest[];
let portalCalls: { method: string; params: Record<string, unknown> }[];
let answer: (attempt: number) => void;

const sms: SmsProvider = {
  code: 'fake',
  limit: 6,
  async send(r) {
    sent.push(r);
    return { providerMessageId: `m${sent.length}`, segments: 1, status: 'queued' };
  },
};

const portal = {
  async call(method: string, params: Record<string, unknown> = {}) {
    portalCalls.push({ method, params });
    if (method === 'crm.deal.get') return { ID: '7', TITLE: 'Préstamo Lucía', CONTACT_ID: '0', CURRENCY_ID: 'MXN' };
    if (method === 'bizproc.event.send') answer(portalCalls.filter((c) => c.method === method).length);
    return true;
  },
} as unknown as PortalClient;

function worker(): OutboxWorker {
  const providers = createProviders({ settingsOf: async () => ({ sms: { provider: 'smpp', settings: {} } }) }, db.kysely, {
    createSmsProvider: () => sms,
  });
  const checks = { box: createSecretBox(Buffer.alloc(32, 1).toString('base64')) };
  const handlers = new Map(activityJobEntries({ providers, options: { today: () => '2026-12-04' } }, checks));
  return new OutboxWorker({
    db: db.kysely,
    dialect: db.dialect,
    log: pino({ level: 'silent' }),
    getPortalClient: async () => portal,
    handlers,
    backoffBaseMs: 1,
    backoffMaxMs: 2,
  });
}

/** Runs the robot's jobs until none is pending (bounded). */
async function runRobot(w: OutboxWorker): Promise<{ status: string; last_error: string | null }[]> {
  for (let i = 0; i < 200; i++) {
    await w.drain();
    const open = await db.kysely.selectFrom('outbox_jobs').select('id').where('status', 'in', ['pending', 'running']).execute();
    if (open.length === 0) break;
    await new Promise((r) => setTimeout(r, 3));
  }
  return db.kysely.selectFrom('outbox_jobs').select(['status', 'last_error']).where('kind', '=', JOB_KIND.send_sms).execute();
}

async function robotCall(): Promise<string> {
  const { call } = await receiveCall(
    db.kysely,
    PORTAL,
    {
      source: 'activity',
      code: 'send_sms',
      key: TOKEN,
      dealId: 7,
      request: { event_token: TOKEN, properties: { phone: '+52 55 1234 5678', text: 'Pago recibido' } },
    },
    JOB_KIND.send_sms,
  );
  return call.id;
}

const answers = () => portalCalls.filter((c) => c.method === 'bizproc.event.send');

beforeEach(async () => {
  db = await createTestDb();
  sent = [];
  portalCalls = [];
  answer = () => undefined;
});
afterEach(async () => db?.close());

describe('send_sms robot: one job from the call to the answer', () => {
  it('a portal that fails the answer three times gets it on the fourth run; the SMS went once', async () => {
    answer = (n) => {
      if (n <= 3) throw new Error('socket hang up');
    };
    const callId = await robotCall();
    const jobs = await runRobot(worker());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: '+525512345678', text: 'Pago recibido' });
    expect(answers()).toHaveLength(4);
    expect(answers()[3]!.params).toMatchObject({
      EVENT_TOKEN: TOKEN,
      RETURN_VALUES: { status: 'queued', messageId: 'm1', segments: 1 },
      LOG_MESSAGE: 'SMS queued: 1 part(s), id m1',
    });
    expect(jobs).toEqual([{ status: 'done', last_error: null }]);
    expect(await getCall(db.kysely, PORTAL, callId)).toMatchObject({ status: 'done', result: { status: 'queued' } });
    // One job did it all: no separate send, status or report job.
    const kinds = await db.kysely.selectFrom('outbox_jobs').select('kind').execute();
    expect(kinds.map((k) => k.kind)).toEqual([JOB_KIND.send_sms]);
  });

  it('an answer the portal refuses for good ends in a dead letter; the SMS is not sent again', async () => {
    answer = () => {
      throw new AppError('VALIDATION', 'EVENT_TOKEN malformed');
    };
    await robotCall();
    const jobs = await runRobot(worker());
    expect(sent).toHaveLength(1);
    expect(answers()).toHaveLength(1);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe('dead');
    expect(jobs[0]!.last_error).toMatch(/PermanentJobError: VALIDATION: EVENT_TOKEN malformed/);
  });

  it('a delivery receipt after the answer updates the message and leaves the workflow alone', async () => {
    await robotCall();
    await runRobot(worker());
    expect(answers()).toHaveLength(1);
    const jobsBefore = await db.kysely.selectFrom('outbox_jobs').select('id').execute();
    expect(await recordSmsStatus(db.kysely, PORTAL, 'fake', { providerMessageId: 'm1', status: 'delivered' })).toMatchObject({
      status: 'delivered',
    });
    expect((await findSmsByKey(db.kysely, PORTAL, TOKEN))?.status).toBe('delivered');
    expect(await db.kysely.selectFrom('outbox_jobs').select('id').execute()).toHaveLength(jobsBefore.length);
    await runRobot(worker());
    expect(answers()).toHaveLength(1);
  });
});
