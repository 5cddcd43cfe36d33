// The "Check the applicant" robot end to end: the emulator's workflow calls our robot (three times,
// as Bitrix24 may), the job looks the deal's contact phone up in the portal's blacklist (imported
// through the admin API from a lender's Windows-1251 file) and asks a local bureau over HTTP, and the
// workflow gets verdict and reason — once per call, whichever delivery came first. The values checked
// (phones, document numbers) never reach the app's logs, even at trace level.
import { Writable } from 'node:stream';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../server/logger.js';
import { startActivityWorld, type ActivityWorld } from './activities-harness.js';

describe('check the applicant robot', () => {
  let w: ActivityWorld;
  let bureau: Server;
  const asked: string[] = [];
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });

  beforeAll(async () => {
    bureau = createServer((req, res) => {
      const doc = new URL(req.url!, 'http://x').searchParams.get('doc') ?? '';
      asked.push(doc);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ r: { decision: doc === 'GOMC800101HDFXXX09' ? 'RECHAZO' : 'OK', why: 'buró: atraso 90 días' } }));
    });
    await new Promise<void>((ok) => bureau.listen(0, '127.0.0.1', ok));
    w = await startActivityWorld({
      env: { CHECKS_ALLOW_LOCAL_URLS: 'on', LOG_LEVEL: 'trace' },
      logger: { ...loggerOptions('trace'), stream },
    });
    const admin = { authorization: `Bearer ${w.p.a.app.sessions.issue({ portalId: w.portalId, userId: 1, isAdmin: true })}` };
    const saved = await fetch(`${w.p.a.url}/api/v1/checks/settings`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        country: 'MX',
        http: {
          urlTemplate: `http://127.0.0.1:${(bureau.address() as AddressInfo).port}/v1/c?doc={document}`,
          method: 'GET',
          verdictPath: 'r.decision',
          rejectValues: ['rechazo'],
          reasonPath: 'r.why',
          timeoutMs: 2000,
        },
        authHeader: 'X-Api-Key: k',
      }),
    });
    expect(saved.status).toBe(200);
    const list = iconv.encode('Teléfono;Motivo\n(55) 1234-5678;fraude con identidad\n', 'win1252');
    const imported = await fetch(`${w.p.a.url}/api/v1/checks/blacklist/file?fileName=lista.csv`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(list),
    });
    expect(await imported.json()).toMatchObject({ added: 1 });
    w.startWorker();
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await new Promise<void>((ok) => bureau.close(() => ok()));
  });

  it('rejects a blacklisted contact phone, rejects on the bureau’s word, passes a clean applicant — one answer per call', async () => {
    const listed = await w.deal({ phone: '+52 1 55 1234 5678', name: 'Ana Torres' });
    const clean = await w.deal({ phone: '+52 55 9999 0000', name: 'Luis Pérez' });
    const step = (document: string) => ({
      type: 'activity' as const,
      code: 'check_applicant',
      properties: { document },
      deliveries: 3,
      timeoutSec: 30,
    });
    const a = await w.runWorkflow([step('')], listed, 30_000);
    expect(a.status).toBe('done');
    expect(a.steps[0]!.returnValues).toEqual({ verdict: 'reject', reason: 'blacklist phone: fraude con identidad' });
    const b = await w.runWorkflow([step('gomc-800101-hdfxxx09')], clean, 30_000);
    expect(b.steps[0]!.returnValues).toEqual({ verdict: 'reject', reason: 'bureau: buró: atraso 90 días' });
    const c = await w.runWorkflow([step('PEPL900202HDFRRS01')], clean, 30_000);
    expect(c.steps[0]!.returnValues).toMatchObject({ verdict: 'pass' });
    // Three deliveries each, one job each: the bureau was asked once per call (a with no document: the
    // bureau may still decide on what it is given, so it is asked all the same).
    const jobs = await w.p.db.kysely.selectFrom('outbox_jobs').select('kind').where('kind', '=', 'activity.check_applicant').execute();
    expect(jobs).toHaveLength(3);
    expect(asked).toEqual(['', 'GOMC800101HDFXXX09', 'PEPL900202HDFRRS01']);
    // The checked values, however written, are nowhere in the logs; the verdicts are.
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of ['5512345678', '1234-5678', '5599990000', 'GOMC800101', 'gomc-800101', 'PEPL900202'])
      expect(log).not.toContain(secret);
  });
});
