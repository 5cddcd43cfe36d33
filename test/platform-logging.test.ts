import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobHandler } from '../server/jobs/job.js';
import { OutboxWorker } from '../server/jobs/worker.js';
import { loggerOptions } from '../server/logger.js';
import { startPlatform, type Platform } from './support/portal-harness.js';

// Install + events + an activity-like call + a job that logs its payload, with a known phone,
// e-mail, name and tokens: the captured log holds none of them.

let p: Platform | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

const PHONE = '+79161234567';
const EMAIL = 'ivan.petrovsky@example.com';
const NAME = 'Petrovsky';

describe('platform logging', () => {
  it('never writes tokens, phones, e-mails or names', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    p = await startPlatform({ logger: { ...loggerOptions('trace'), stream }, env: { LOG_LEVEL: 'trace' } });
    await p.install();
    const app = p.em.state.app!;
    const secrets = [app.applicationToken, ...Object.keys(p.em.state.tokens.access), ...Object.keys(p.em.state.tokens.refresh)];
    expect(secrets.length).toBeGreaterThan(2);

    // A job that logs what it got, then fails with the phone in its error message.
    // It replaces 'portal.event' in the app's job table, run by a worker on the app's logger.
    const logsAndFails: JobHandler = async (job, ctx) => {
      ctx.log.info({ payload: job.payload }, `processing ${EMAIL}`);
      throw new Error(`gateway refused ${PHONE}`);
    };
    const a = p.a.app;
    const worker = new OutboxWorker({
      db: a.db.kysely,
      dialect: a.db.dialect,
      log: a.log,
      getPortalClient: (id) => a.getPortalClient(id),
      handlers: new Map([...a.jobHandlers, ['portal.event', logsAndFails]]),
    });
    const fields = { ID: '12', NAME: 'Ivan', LAST_NAME: NAME, PHONE: [{ VALUE: PHONE, VALUE_TYPE: 'WORK' }], EMAIL: [{ VALUE: EMAIL }] };
    p.em.emit('ONCRMCONTACTADD', { FIELDS: fields });
    await p.em.idle();
    // Not bound to ONCRMCONTACTADD: deliver it as the portal would, straight to the handler.
    const body = new URLSearchParams({
      event: 'ONCRMCONTACTADD',
      'data[FIELDS][ID]': '12',
      'data[FIELDS][NAME]': 'Ivan',
      'data[FIELDS][LAST_NAME]': NAME,
      'data[FIELDS][PHONE][0][VALUE]': PHONE,
      'data[FIELDS][EMAIL][0][VALUE]': EMAIL,
      'auth[member_id]': p.em.memberId,
      'auth[application_token]': app.applicationToken,
      'auth[access_token]': secrets[1]!,
    });
    expect((await fetch(`${p.a.url}/events?phone=${encodeURIComponent(PHONE)}&auth=${secrets[1]}`, { method: 'POST', body })).status).toBe(
      200,
    );
    // An activity-like call (robot handler shape, contract.md §5.2) with a wrong token.
    const activity = new URLSearchParams({
      event: 'ONCRMDEALUPDATE',
      'properties[phone_number]': PHONE,
      'properties[message_text]': `Hello ${NAME}`,
      'auth[member_id]': p.em.memberId,
      'auth[application_token]': 'forged-token-value',
    });
    expect((await fetch(`${p.a.url}/events`, { method: 'POST', body: activity })).status).toBe(401);
    await worker.drain(3);

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('processing');
    expect(log).toContain('job failed');
    expect(log).toContain('[redacted]');
    expect(log).toContain('[phone]');
    for (const s of [...secrets, PHONE, '9161234567', EMAIL, NAME]) expect(log, `log leaks ${s.slice(0, 6)}…`).not.toContain(s);
  });
});
