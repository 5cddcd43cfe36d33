import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, fakeSessionServer } from '../../test/fakes/session-server.js';
import { ApiError } from '../shared/session-client.js';
import { createImportApi, type ImportState, type ImportStatus } from './import-api.js';

// The import API as the page uses it: the POST answers 202 with an id, then the import's state is
// polled until it is over; each state on the way is reported (the page shows it as progress).
const request = {
  fileName: 'agent.csv',
  content: new TextEncoder().encode('Deal;Date;Amount\n'),
  mapping: { dealId: 'Deal', date: 'Date', amount: 'Amount' },
  locale: { dateOrder: 'dmy', decimalSeparator: ',' },
  dryRun: true,
} as const;
const result = { importId: 'i1', dryRun: true, summary: { rows: 1, new: 1, alreadyImported: 0, newTotals: {} }, lines: [], lineCount: 0 };

function server(states: Omit<ImportState, 'importId'>[]) {
  let polls = 0;
  return fakeSessionServer({
    valid: ['t1'],
    answer: (path) =>
      path.startsWith('/api/v1/payment-imports/file?')
        ? { status: 202, json: { importId: 'i1', status: 'queued' } }
        : { status: 200, json: { importId: 'i1', ...states[Math.min(polls++, states.length - 1)] } },
  });
}

const noWait = () => Promise.resolve();

describe('payment import api', () => {
  it('polls queued → parsing → previewed and returns the preview', async () => {
    const s = server([{ status: 'queued' }, { status: 'parsing' }, { status: 'previewed', result }]);
    const api = createImportApi({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, { fetchFn: s.fetchFn, wait: noWait });
    const seen: ImportStatus[] = [];
    expect(await api.run(request, (st) => seen.push(st))).toEqual(result);
    expect(seen).toEqual(['queued', 'queued', 'parsing', 'previewed']);
    expect(s.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/payment-imports/file?fileName=agent.csv&dealId=Deal&date=Date&amount=Amount&dateOrder=dmy&decimalSeparator=%2C&dryRun=true',
      ...Array<string>(3).fill('GET /api/v1/payment-imports/i1'),
    ]);
  });

  it('sends the file as its bytes (application/octet-stream), never as base64 in JSON', async () => {
    const s = server([{ status: 'previewed', result }]);
    await createImportApi({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, { fetchFn: s.fetchFn, wait: noWait }).run(request);
    const post = s.seen[0]!;
    expect(post.contentType).toBe('application/octet-stream');
    expect(post.bodyBytes).toEqual(request.content.length);
  });

  it('a refusal rejects as 422 IMPORT_REFUSED with the issues; a failure with its code', async () => {
    const issues = [{ line: 3, code: 'LOAN_NOT_FOUND', message: 'no loan' }];
    const refused = server([{ status: 'refused', refusal: { message: 'refused', issues } }]);
    const e1 = await createImportApi({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, { fetchFn: refused.fetchFn, wait: noWait })
      .run(request)
      .catch((x: unknown) => x);
    expect(e1).toBeInstanceOf(ApiError);
    expect(e1).toMatchObject({ status: 422, code: 'IMPORT_REFUSED', details: { issues } });
    const failed = server([{ status: 'failed', failure: { code: 'IMPORT_INTERRUPTED', message: 'send it again' } }]);
    const e2 = await createImportApi({ baseUrl: APP_ORIGIN, sessionToken: 't1' }, { fetchFn: failed.fetchFn, wait: noWait })
      .run(request)
      .catch((x: unknown) => x);
    expect(e2).toMatchObject({ code: 'IMPORT_INTERRUPTED' });
  });
});
