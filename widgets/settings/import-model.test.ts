import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../shared/session-client.js';
import type { ImportApi, ImportLine, ImportRecord, ImportRequest, ImportResult, ImportStatus } from './import-api.js';
import { importTranslator } from './import-i18n.js';
import { createImportModel } from './import-model.js';

const result = (dryRun: boolean, fresh: number): ImportResult => ({
  importId: 'imp-1',
  dryRun,
  summary: { rows: 2, new: fresh, alreadyImported: 2 - fresh, newTotals: fresh > 0 ? { RUB: '1500.50' } : {} },
  lines: [
    {
      line: 2,
      dealId: 7,
      date: '2026-03-01',
      amount: '1500.50',
      reference: 'R-1',
      method: 'agent_file',
      status: fresh > 0 ? 'new' : 'already',
    },
    { line: 3, dealId: 8, date: '2026-03-01', amount: '99.00', reference: null, method: 'agent_file', status: 'already' },
  ],
  lineCount: 2,
});

const past: ImportRecord[] = [
  {
    id: 'imp-0',
    fileName: 'old.csv',
    format: 'csv',
    rows: 2,
    newCount: 2,
    alreadyCount: 0,
    issueCount: 0,
    status: 'applied',
    dryRun: false,
    createdAt: '2026-03-01T10:00:00Z',
  },
];

function fakeApi(answer: (req: ImportRequest, onStatus: (s: ImportStatus) => void) => Promise<ImportResult>) {
  const run = vi.fn((req: ImportRequest, onStatus: (s: ImportStatus) => void = () => {}) => answer(req, onStatus));
  const history = vi.fn(() => Promise.resolve(past));
  const lines = vi.fn((_id: string, _offset: number) =>
    Promise.resolve<{ lines: ImportLine[]; lineCount: number }>({ lines: [], lineCount: 0 }),
  );
  return { run, history, lines, api: { run, history, lines } satisfies ImportApi };
}

describe('payment-file import on the settings screen', () => {
  it('imports only after a clean preview of the same file and settings, sending what was previewed', async () => {
    const { api, run } = fakeApi((req) => Promise.resolve(result(req.dryRun, 1)));
    const m = createImportModel(api);
    await m.apply();
    expect(run).not.toHaveBeenCalled();
    m.setFile('agent.csv', new TextEncoder().encode('Deal;Date;Amount\n7;01.03.2026;1 500,50\n'));
    await m.preview();
    expect(m.canImport.value).toBe(true);
    m.set('decimalSeparator', '.');
    // Other settings: the preview no longer speaks for them.
    expect(m.canImport.value).toBe(false);
    await m.preview();
    await m.apply();
    expect(run.mock.calls.map((c) => c[0].dryRun)).toEqual([true, true, false]);
    const sent = run.mock.calls[2]![0];
    expect(sent).toMatchObject({ fileName: 'agent.csv', locale: { dateOrder: 'dmy', decimalSeparator: '.' } });
    expect(new TextDecoder().decode(sent.content)).toContain('Deal;Date;Amount');
    expect(m.state.value.kind).toBe('done');
  });

  it('defaults follow the admin\'s language: es-MX and en read "2,030.86", ru reads "2 030,86"; columns in their words', () => {
    const es = createImportModel(fakeApi((req) => Promise.resolve(result(req.dryRun, 0))).api, 'es');
    expect(es.settings.value).toMatchObject({ dealId: 'Negociación', date: 'Fecha', amount: 'Monto', decimalSeparator: '.' });
    expect(createImportModel(fakeApi((req) => Promise.resolve(result(req.dryRun, 0))).api, 'ru').settings.value).toMatchObject({
      amount: 'Сумма',
      decimalSeparator: ',',
    });
    // The portal's language arrives later: untouched defaults follow it, the admin's own choice stays.
    es.useLanguage('ru');
    expect(es.settings.value.decimalSeparator).toBe(',');
    es.set('decimalSeparator', '.');
    es.useLanguage('es');
    expect(es.settings.value).toMatchObject({ dealId: 'Номер сделки', decimalSeparator: '.' });
  });

  it('a file with nothing new cannot be imported', async () => {
    const m = createImportModel(fakeApi((req) => Promise.resolve(result(req.dryRun, 0))).api);
    m.setFile('again.csv', new Uint8Array([68]));
    await m.preview();
    expect(m.canImport.value).toBe(false);
  });

  it('a refused file shows the server issues line by line', async () => {
    const issues = [{ line: 3, column: 'Deal', code: 'LOAN_NOT_FOUND', message: 'Deal 99 has no loan' }];
    const m = createImportModel(fakeApi(() => Promise.reject(new ApiError(422, 'IMPORT_REFUSED', 'The file was refused', { issues }))).api);
    m.setFile('bad.csv', new Uint8Array([68]));
    await m.preview();
    expect(m.state.value).toEqual({ kind: 'refused', message: 'The file was refused', issues });
    expect(m.canImport.value).toBe(false);
  });

  it('shows where a running import is, then reloads the history', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const { api, history } = fakeApi(async (req, onStatus) => {
      onStatus('queued');
      onStatus('parsing');
      await gate;
      return result(req.dryRun, 1);
    });
    const m = createImportModel(api);
    m.setFile('agent.csv', new Uint8Array([68]));
    const running = m.preview();
    expect(m.state.value).toEqual({ kind: 'working', dryRun: true, phase: 'parsing' });
    release();
    await running;
    expect(m.state.value.kind).toBe('preview');
    await vi.waitFor(() => expect(m.history.value).toEqual(past));
    expect(history).toHaveBeenCalledTimes(1);
  });

  it('a failed import keeps its code, so the page explains it in the user language', async () => {
    const m = createImportModel(fakeApi(() => Promise.reject(new ApiError(409, 'IMPORT_INTERRUPTED', 'send it again'))).api);
    m.setFile('a.csv', new Uint8Array([68]));
    await m.preview();
    expect(m.state.value).toEqual({ kind: 'failed', code: 'IMPORT_INTERRUPTED', message: 'send it again' });
  });

  it('keeps a large file as its bytes: nothing to encode on the page', () => {
    const m = createImportModel(fakeApi(() => Promise.resolve(result(true, 1))).api);
    const big = new Uint8Array(3 * 1024 * 1024).fill(65);
    m.setFile('big.csv', big);
    expect(m.file.value!.bytes).toBe(big);
  });

  it('reads the next page of lines on demand and appends it', async () => {
    const f = fakeApi((req) => Promise.resolve({ ...result(req.dryRun, 1), lineCount: 3 }));
    const third = { line: 4, dealId: 9, date: '2026-03-02', amount: '5.00', reference: null, method: 'agent_file', status: 'new' as const };
    f.lines.mockResolvedValueOnce({ lines: [third], lineCount: 3 });
    const m = createImportModel(f.api);
    m.setFile('a.csv', new Uint8Array([68]));
    await m.preview();
    await m.moreLines();
    expect(f.lines).toHaveBeenCalledWith('imp-1', 2);
    const st = m.state.value;
    expect(st.kind === 'preview' && st.result.lines.map((l) => l.line)).toEqual([2, 3, 4]);
    await m.moreLines();
    // All three shown: no request for a page past the end.
    expect(f.lines).toHaveBeenCalledTimes(1);
  });

  it('fills the summary in every language', () => {
    for (const lang of ['en', 'ru', 'es'] as const)
      expect(importTranslator(lang)('summaryPreview', { rows: 5, new: 3, already: 2 })).toMatch(/5.*3.*2/);
  });
});
