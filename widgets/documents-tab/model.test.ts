import { describe, expect, it } from 'vitest';
import type { CatalogField } from '../../wire/document-catalog.js';
import type { PackView } from '../../wire/document-packs.js';
import type { ValuesView } from '../../wire/documents.js';
import { ApiError, type DocumentsApi } from './api.js';
import { createBankSendModel } from './bank-send-model.js';
import { createDocumentsModel } from './model.js';

// The model against a stand-in for our API (the browser test runs it against the real server):
// what was typed survives a refusal, the move goes from the version whose diff was seen, a pack is
// polled until it is final, and a server without the pack routes says so.
const labels = { en: 'x', ru: 'x', es: 'x' };
const fields: CatalogField[] = [{ code: 'loan.term', label: labels, type: 'number', section: 'loan' }];
const view = (term?: string): ValuesView => ({
  catalogVersion: 1,
  base: term ? { 'loan.term': term } : {},
  banks: [{ bankId: 'b1', name: 'Banco', values: [], required: 1, missing: term ? [] : ['loan.term'] }],
});
const pack = (status: PackView['status'], done: number): PackView => ({
  id: 'p1',
  dealId: 7,
  status,
  catalogVersion: 1,
  createdAt: '2026-12-04T10:00:00Z',
  createdBy: 1,
  progress: { done, total: 2 },
  documents: [],
});

function fakeApi(over: Partial<DocumentsApi> = {}): DocumentsApi & { calls: string[] } {
  const calls: string[] = [];
  const application = { id: 'a', dealId: 7, catalogVersion: 1, createdAt: '' };
  return {
    calls,
    openApplication: async () => application,
    catalogVersion: async () => fields,
    versions: async () => [1, 2].map((version) => ({ version, publishedAt: '', publishedBy: null, sha256: '' })),
    values: async () => view(),
    saveValues: async (bankId, values) => {
      calls.push(`save ${bankId ?? 'base'} ${JSON.stringify(values)}`);
      if (values['loan.term'] === 'doce') throw new ApiError(422, 'DOCUMENT_VALUE_TYPE', 'El campo «Plazo» debe ser: un número.');
      return view(String(values['loan.term']));
    },
    resetToBase: async () => view('12'),
    previewMove: async (to) => ({ from: 1, to, diff: { added: ['loan.rate'], removed: [], changed: [] } }),
    move: async (from, to) => {
      calls.push(`move ${from}→${to}`);
      return { ...application, catalogVersion: to };
    },
    packs: async () => [],
    pack: async () => pack('done', 2),
    generatePack: async (input) => {
      calls.push(`generate ${JSON.stringify(input)}`);
      return pack('queued', 0);
    },
    retryDocument: async (id, index) => {
      calls.push(`retry ${id} ${index}`);
      return pack('generating', 1);
    },
    document: async () => new Blob([]),
    scans: async () => [],
    uploadScan: async (code, fileName, bytes) => {
      calls.push(`scan ${code} ${fileName} ${bytes.length}`);
      return [{ id: 's1', code, fileName, contentType: 'application/pdf', sizeBytes: bytes.length, uploadedAt: '', uploadedBy: 1 }];
    },
    deleteScan: async () => [],
    scanFile: async () => new Blob([]),
    bankDirectory: async () => [
      { id: 'b1', name: 'Banco Uno', emails: ['c@uno.example'], replySenders: [], phones: [], requiredFields: [] },
      { id: 'b2', name: 'Банк Два', emails: ['c@dva.example'], replySenders: [], phones: ['+7 900 000 00 00'], requiredFields: [] },
    ],
    bankDrafts: async (bankIds, manager) => {
      calls.push(`drafts ${bankIds.join(',')} ${manager}`);
      return {
        smsLimit: null,
        drafts: bankIds.map((bankId) => ({
          bankId,
          bankName: bankId,
          lang: bankId === 'b2' ? ('ru' as const) : ('es' as const),
          subject: `Solicitud #7 ${bankId}`,
          text: `Texto ${bankId}`,
          sms: `SMS ${bankId}`,
          missing: [],
          packReady: bankId === 'b1',
        })),
      };
    },
    sendToBanks: async (body) => {
      calls.push(`send ${JSON.stringify(body)}`);
      return [];
    },
    bankMessages: async () => [],
    ...over,
  };
}

const model = (api: DocumentsApi) => createDocumentsModel({ api, locale: 'es', currency: 'MXN', sleep: async () => undefined });

describe('documents tab model', () => {
  it('keeps what was typed with the server’s message, and clears both once a value is accepted', async () => {
    const m = model(fakeApi());
    await m.load();
    expect(m.state.value).toBe('ready');
    m.type('loan.term', 'doce');
    await m.save('loan.term', 'doce', 'doce');
    const key = m.keyOf('', 'loan.term');
    expect(m.drafts.value[key]).toBe('doce');
    expect(m.errors.value[key]).toBe('El campo «Plazo» debe ser: un número.');
    await m.save('loan.term', '12', '12');
    expect(m.drafts.value[key]).toBeUndefined();
    expect(m.errors.value[key]).toBeUndefined();
    expect(m.banks.value[0]!.missing).toEqual([]);
  });

  it('leaves a field of another country’s deals off, unless something is stored for it', async () => {
    const snils: CatalogField = {
      code: 'borrower.snils',
      label: labels,
      type: 'document_number',
      section: 'borrower',
      dealCurrencies: ['RUB'],
    };
    const catalog = async () => [...fields, snils];
    const codes = (m: ReturnType<typeof model>) => m.sections.value.flatMap((s) => s.fields.map((f) => f.code));
    const mx = model(fakeApi({ catalogVersion: catalog }));
    await mx.load();
    expect(codes(mx)).toEqual(['loan.term']);
    const ru = createDocumentsModel({ api: fakeApi({ catalogVersion: catalog }), locale: 'ru', currency: 'RUB' });
    await ru.load();
    expect(codes(ru)).toEqual(['loan.term', 'borrower.snils']);
    // Typed before (the deal's currency changed since): still shown, so nothing stored is hidden.
    const kept = model(
      fakeApi({ catalogVersion: catalog, values: async () => ({ ...view(), base: { 'borrower.snils': '112-233-445 95' } }) }),
    );
    await kept.load();
    expect(codes(kept)).toEqual(['loan.term', 'borrower.snils']);
  });

  it('pre-ticks the banks of the deal’s currency; a bank this deal already chose stays ticked; a user’s choice is kept', async () => {
    const bank = (bankId: string, dealCurrencies?: string[], override = false): ValuesView['banks'][number] => ({
      bankId,
      name: bankId,
      values: override ? [{ code: 'loan.term', value: 18, source: 'override' }] : [],
      required: 0,
      missing: [],
      ...(dealCurrencies ? { dealCurrencies } : {}),
    });
    const banks = [bank('mx', ['MXN']), bank('any'), bank('ru', ['RUB']), bank('ru-override', ['RUB'], true), bank('ru-packed', ['RUB'])];
    const earlier: PackView = {
      ...pack('done', 1),
      documents: [
        {
          bankId: 'ru-packed',
          templateId: 't',
          templateVersion: 1,
          name: 'Анкета',
          status: 'done',
          sha256: null,
          attachedAs: null,
          preview: 'ready',
        },
      ],
    };
    const values = async () => ({ ...view(), banks });
    const mx = model(fakeApi({ values, packs: async () => [earlier] }));
    await mx.load();
    expect(mx.packBanks.value).toEqual(['mx', 'any', 'ru-override', 'ru-packed']);
    const ru = createDocumentsModel({ api: fakeApi({ values }), locale: 'ru', currency: 'RUB' });
    await ru.load();
    expect(ru.packBanks.value).toEqual(['any', 'ru', 'ru-override', 'ru-packed']);
    // Unticked by the user before the packs arrived: the packs' pre-selection does not tick it back.
    let release = (_: PackView[]) => undefined as void;
    const late = model(fakeApi({ values, packs: () => new Promise<PackView[]>((r) => (release = r)) }));
    const loading = late.load();
    await expect.poll(() => late.state.value).toBe('ready');
    late.togglePackBank('mx', false);
    release([earlier]);
    await loading;
    expect(late.packBanks.value).toEqual(['any', 'ru-override']);
  });

  it('writes a bank’s override in that bank’s scope', async () => {
    const api = fakeApi();
    const m = model(api);
    await m.load();
    m.selectScope('b1');
    await m.save('loan.term', '18');
    expect(api.calls).toContain('save b1 {"loan.term":"18"}');
  });

  it('offers the newer version and moves from the version whose diff was shown', async () => {
    const api = fakeApi();
    const m = model(api);
    await m.load();
    expect(m.newerVersion.value).toBe(2);
    await m.reviewMove();
    expect(m.movePreview.value?.diff.added).toEqual(['loan.rate']);
    await m.confirmMove();
    expect(api.calls).toContain('move 1→2');
    expect(m.application.value?.catalogVersion).toBe(2);
    expect(m.newerVersion.value).toBeNull();
  });

  it('generates a pack for the chosen banks and polls it until it is final', async () => {
    const states: PackView['status'][] = ['generating', 'generating', 'done'];
    const api = fakeApi({ pack: async () => pack(states.shift() ?? 'done', 2 - states.length) });
    const m = model(api);
    await m.load();
    await m.generate();
    expect(api.calls).toContain('generate {"bankIds":["b1"],"internal":true}');
    expect(states).toEqual([]);
    expect(m.packs.value?.map((p) => p.status)).toEqual(['done']);
    expect(m.generating.value).toBe(false);
  });

  it('retries a failed document and follows its pack until it is final again', async () => {
    const api = fakeApi();
    const m = model(api);
    await m.load();
    await m.retryDocument('p1', 0);
    expect(api.calls).toContain('retry p1 0');
    expect(m.packs.value?.map((p) => p.status)).toEqual(['done']);
    expect(m.generating.value).toBe(false);
  });

  it('says pack generation is not available on a server without the pack routes', async () => {
    const m = model(
      fakeApi({ packs: async () => Promise.reject(new ApiError(404, 'NOT_FOUND', 'No route GET /api/v1/deals/7/documents/packs')) }),
    );
    await m.load();
    expect(m.packsUnavailable.value).toBe(true);
    expect(m.packError.value).toBeNull();
  });

  it('uploads a scan for the application and reads the completeness again', async () => {
    const api = fakeApi();
    let reads = 0;
    const m = model({ ...api, values: async () => (reads++ === 0 ? view() : view('12')) });
    await m.load();
    await m.uploadScan('borrower.id_scan', { name: 'ine.pdf', arrayBuffer: async () => new ArrayBuffer(4) });
    expect(api.calls).toContain('scan borrower.id_scan ine.pdf 4');
    expect(m.scans.value.map((s) => s.fileName)).toEqual(['ine.pdf']);
    expect(m.banks.value[0]!.missing).toEqual([]);
    const refused = model({
      ...api,
      uploadScan: async () => Promise.reject(new ApiError(422, 'SCAN_TYPE', 'El escaneo debe ser un archivo PDF, JPEG o PNG.')),
    });
    await refused.load();
    await refused.uploadScan('borrower.id_scan', { name: 'a.docx', arrayBuffer: async () => new ArrayBuffer(4) });
    expect(refused.errors.value[refused.scanKey('borrower.id_scan')]).toBe('El escaneo debe ser un archivo PDF, JPEG o PNG.');
  });

  it('clears the refusal of an earlier file in the same moment the kept scan appears', async () => {
    const api = fakeApi();
    let release: () => void = () => {};
    let reads = 0;
    let refuse = true;
    const m = model({
      ...api,
      uploadScan: async (code, name, bytes) =>
        refuse
          ? Promise.reject(new ApiError(422, 'SCAN_TYPE', 'El escaneo debe ser un archivo PDF, JPEG o PNG.'))
          : api.uploadScan(code, name, bytes),
      values: async () => (reads++ === 0 ? view() : new Promise((r) => (release = () => r(view('12'))))),
    });
    await m.load();
    const key = m.scanKey('borrower.id_scan');
    await m.uploadScan('borrower.id_scan', { name: 'a.docx', arrayBuffer: async () => new ArrayBuffer(4) });
    expect(m.errors.value[key]).toBeDefined();
    refuse = false;
    const seen: [string[], boolean][] = [];
    const stop = m.scans.subscribe((list) => seen.push([list.map((x) => x.fileName), key in m.errors.value]));
    const upload = m.uploadScan('borrower.id_scan', { name: 'ine.pdf', arrayBuffer: async () => new ArrayBuffer(4) });
    await expect.poll(() => seen.length).toBe(2);
    // values() is still being read: the scan is shown and its old refusal is already gone.
    expect(seen[1]).toEqual([['ine.pdf'], false]);
    release();
    await upload;
    stop();
  });

  it('shows the empty state when no catalog is published', async () => {
    const m = model(fakeApi({ openApplication: async () => Promise.reject(new ApiError(404, 'NOT_FOUND', 'No catalog')) }));
    await m.load();
    expect(m.state.value).toBe('no-catalog');
  });
});

describe('send to banks model', () => {
  const sendModel = (api: DocumentsApi, ids = ['r1', 'r2']) =>
    createBankSendModel({ api, managerName: 'Ana López', newRequestId: () => ids.shift() ?? 'rx', sleep: async () => undefined });

  it('drafts each chosen bank once, keeps edits, and sends per-bank texts with the pack under one request id until something changes', async () => {
    const api = fakeApi();
    const m = sendModel(api);
    await m.load();
    await m.toggle('b1', true);
    m.edit('b1', 'text', 'Texto editado');
    await m.toggle('b2', true);
    expect(api.calls.filter((c) => c.startsWith('drafts'))).toEqual(['drafts b1 Ana López', 'drafts b2 Ana López']);
    expect(m.drafts.value.b1?.text).toBe('Texto editado');
    await m.send();
    const sent = api.calls.filter((c) => c.startsWith('send')).map((c) => JSON.parse(c.slice(5)) as Record<string, unknown>);
    expect(sent[0]).toMatchObject({
      requestId: 'r1',
      bankIds: ['b1', 'b2'],
      attachPack: true,
      perBank: [
        { bankId: 'b1', subject: 'Solicitud #7 b1', text: 'Texto editado' },
        { bankId: 'b2', subject: 'Solicitud #7 b2', text: 'Texto b2' },
      ],
    });
    expect(m.sentNote.value).toBe(true);
  });

  it("a refusal lands next to what caused it: the pack toggle, or that bank's text, keeping what was typed; a retry reuses the request id", async () => {
    let refusal: ApiError = new ApiError(422, 'PACK_NOT_READY_FOR_BANK', 'Genere primero el paquete para Banco Uno', {
      field: 'attachPack',
      bankId: 'b1',
    });
    const api = fakeApi({
      sendToBanks: async (body) => {
        api.calls.push(`send ${body.requestId}`);
        throw refusal;
      },
    });
    const m = sendModel(api);
    await m.load();
    await m.toggle('b2', true);
    m.setChannel('sms');
    m.edit('b2', 'sms', 'x'.repeat(500));
    await m.send();
    expect(m.packError.value).toContain('Banco Uno');
    refusal = new ApiError(422, 'SMS_OVER_LIMIT', 'Сообщение длиннее', { field: 'text', bankId: 'b2' });
    await m.send();
    expect(m.drafts.value.b2?.error).toBe('Сообщение длиннее');
    expect(m.drafts.value.b2?.sms).toBe('x'.repeat(500));
    expect(api.calls.filter((c) => c.startsWith('send'))).toEqual(['send r1', 'send r1']);
    m.edit('b2', 'sms', 'corto');
    expect(m.drafts.value.b2?.error).toBeUndefined();
    // A pack the mail server would refuse is said under that bank's message; unticking the pack clears it.
    m.setChannel('email');
    refusal = new ApiError(422, 'MAIL_TOO_LARGE', 'El paquete para Banco Dos pesa 31.2 MB; el servidor de correo acepta hasta 25 MB.', {
      field: 'attachPack',
      bankId: 'b2',
    });
    await m.send();
    expect(m.drafts.value.b2?.error).toContain('31.2 MB');
    expect(m.packError.value).toBeNull();
    m.setAttachPack(false);
    expect(m.drafts.value.b2?.error).toBeUndefined();
  });
});
