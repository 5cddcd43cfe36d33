// End-to-end set-up for the activity tests: the emulator portal and our app (buildApp, listening on a
// random port) with the app installed through the real flow, a local SMPP server, a local OpenPay, and
// an outbox worker with short leases and back-off so retries happen within a test.
import { OutboxWorker } from '../server/jobs/worker.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { startFakeSmsc, type FakeSmsc } from './fakes/smsc.js';
import { startFakeOpenpay, type FakeOpenpay } from './fakes/openpay-server.js';
import { startFakeTwilio, type FakeTwilio } from './fakes/twilio-server.js';
import type { ActivitySetup } from '../server/activities/deps.js';
import { workflowsOf, type WorkflowRun, type WorkflowStep } from '../emulator/workflows/register.js';
import type { SmsProvider } from '../server/integrations/sms/provider.js';
import { smppProvider } from '../server/integrations/sms/smpp/index.js';
import type { EmulatorOptions } from '../emulator/index.js';

export interface ActivityWorld {
  p: Platform;
  smsc: FakeSmsc;
  twilio: FakeTwilio;
  openpay: FakeOpenpay;
  portalId: string;
  workers: OutboxWorker[];
  startWorker(o?: { leaseMs?: number }): OutboxWorker;
  /** A deal with a contact that has this phone. */
  deal(o: { phone: string; name?: string; currency?: string; amount?: string; assignedBy?: number }): Promise<number>;
  runWorkflow(steps: WorkflowStep[], dealId: number, timeoutMs?: number): Promise<WorkflowRun>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** SMS through the Twilio-compatible HTTP gateway instead of SMPP. */
  smsGateway?: 'smpp' | 'twilio';
  maxSegments?: number;
  maxChars?: number;
  smsTimeoutMs?: number;
  wrapSms?: (p: SmsProvider) => SmsProvider;
  payoutMaxAttempts?: number;
  openpayTimeoutMs?: number;
  /** The lender's company name the settings give (as PUT /api/v1/settings/lender would); read at each call. */
  companyName?: () => string | undefined;
  /** Emulator options (e.g. a seeded `random` for fault injection) and app env (e.g. B24_RATE_DRAIN). */
  emulator?: Partial<EmulatorOptions>;
  env?: Record<string, string>;
  /** The app's logger options (a test reading every log line passes a stream). */
  logger?: unknown;
}

export async function startActivityWorld(o: WorldOptions = {}): Promise<ActivityWorld> {
  const smsc = await startFakeSmsc({ systemId: 'lender', password: 'secret' });
  const openpay = await startFakeOpenpay();
  const twilio = await startFakeTwilio();
  const twilioSettings = {
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: '+15005550006',
    baseUrl: twilio.baseUrl,
    timeoutMs: 2000,
  };
  const company = o.companyName;
  const activities: ActivitySetup = {
    settings: {
      settingsOf: async () => ({
        language: 'es',
        sms:
          o.smsGateway === 'twilio'
            ? // The app's URL and the portal id are known once it runs; settings are read at each call.
              { provider: 'twilio', settings: { ...twilioSettings, statusCallbackUrl: `${p.a.url}/sms/status/${portalId}` } }
            : {
                provider: 'smpp',
                settings: {
                  host: '127.0.0.1',
                  port: smsc.port,
                  systemId: 'lender',
                  password: 'secret',
                  sourceAddr: 'LENDER',
                  maxSegments: o.maxSegments ?? 6,
                  ...(o.maxChars ? { maxChars: o.maxChars } : {}),
                  timeoutMs: o.smsTimeoutMs ?? 2000,
                  reconnectBaseMs: 20,
                  reconnectMaxMs: 100,
                  enquireLinkMs: 0,
                },
              },
        payments: {
          provider: 'openpay',
          settings: {
            merchantId: openpay.merchantId,
            privateKey: openpay.privateKey,
            baseUrl: openpay.baseUrl,
            timeoutMs: o.openpayTimeoutMs ?? 2000,
          },
        },
        ...(company?.() ? { companyName: company() } : {}),
      }),
    },
    sms: { backoffBaseMs: 50, backoffMaxMs: 200, leaseMs: 400 },
    payouts: { backoffBaseMs: 50, backoffMaxMs: 200, leaseMs: 400, maxAttempts: o.payoutMaxAttempts ?? 4 },
    today: () => '2026-11-22',
  };
  if (o.wrapSms) {
    const wrap = o.wrapSms;
    activities.createSmsProvider = (s) => wrap(smppProvider.create(s.settings));
  }
  const p: Platform = await startPlatform({
    ...(o.emulator ? { emulator: o.emulator } : {}),
    ...(o.env ? { env: o.env } : {}),
    ...(o.logger ? { logger: o.logger } : {}),
    activities,
  });
  const portalId = await p.install();
  const workers: OutboxWorker[] = [];
  const startWorker = (w: { leaseMs?: number } = {}) => {
    const worker = new OutboxWorker({
      db: p.db.kysely,
      dialect: p.db.dialect,
      log: p.a.app.log,
      getPortalClient: (id) => p.a.app.getPortalClient(id),
      handlers: p.a.app.jobHandlers,
      pollMs: 20,
      backoffBaseMs: 50,
      backoffMaxMs: 300,
      leaseMs: w.leaseMs ?? 10_000,
    });
    workers.push(worker);
    worker.start();
    return worker;
  };
  const runner = workflowsOf(p.em.core);
  return {
    p,
    smsc,
    twilio,
    openpay,
    portalId,
    workers,
    startWorker,
    async deal({ phone, name = 'Lucía Ramírez', currency = 'MXN', amount = '15000', assignedBy = 1 }) {
      const [first, ...rest] = name.split(' ');
      const contactId = await p.portalCall<number>('crm.contact.add', {
        fields: { NAME: first, LAST_NAME: rest.join(' '), PHONE: [{ VALUE: phone, VALUE_TYPE: 'MOBILE' }] },
      });
      return p.portalCall<number>('crm.deal.add', {
        fields: { TITLE: `Loan ${name}`, CONTACT_ID: contactId, CURRENCY_ID: currency, OPPORTUNITY: amount, ASSIGNED_BY_ID: assignedBy },
      });
    },
    async runWorkflow(steps, dealId, timeoutMs = 20_000) {
      const tpl = runner.defineTemplate('test', steps);
      const run = runner.start(tpl.id, dealId);
      return runner.wait(run.id, timeoutMs);
    },
    async close() {
      await Promise.all(workers.map((w) => Promise.race([w.stop(), new Promise((r) => setTimeout(r, 500))])));
      await p.a.app.activities.providers.close();
      await runner.idle();
      await p.close();
      await smsc.close();
      await openpay.close();
      await twilio.close();
    },
  };
}
