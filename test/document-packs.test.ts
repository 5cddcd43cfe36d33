// Document packs end to end against the emulator (issue 15, items 3–5): an admin uploads templates for
// two banks and an internal one (bad uploads refused, nothing stored), a deal's user fills base values
// and overrides one bank, generates a two-bank pack; the outbox fills, previews (LibreOffice) and
// attaches each document to the deal — through the document generator, or Disk + a timeline comment
// where the portal has no document generator — with its manifest; a retried delivery attaches nothing
// twice; a catalog change leaves a regenerated document byte-identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_DELIVER_JOB } from '../server/documents/packs/pack-jobs.js';
import type { Job, JobContext } from '../server/jobs/job.js';
import { startPlatform, type Platform } from './support/portal-harness.js';
import { bankQuestionnaire, contractEs, packCatalog, packValues } from './support/document-pack-fixtures.js';
import { docxParts, para, run, wordDocx, wordSplit } from './support/docx-word-fixtures.js';

let p: Platform;
let portalId = '';
let dealId = 0;
const bankIds: Record<'A' | 'B', string> = { A: '', B: '' };

const auth = (o: { admin?: boolean; deal?: boolean; lang?: string } = {}) => ({
  authorization: `Bearer ${p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: o.admin ?? false, ...(o.deal ? { dealId } : {}) })}`,
  'accept-language': o.lang ?? 'en-US',
});
const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, h: Record<string, string>, payload?: unknown) =>
  p.a.app.inject({ method, url, headers: h, ...(payload !== undefined ? { payload: payload as object } : {}) });

function upload(bytes: Uint8Array, q: Record<string, string>, lang = 'en-US') {
  return p.a.app.inject({
    method: 'POST',
    url: `/api/v1/documents/templates/file?${new URLSearchParams(q).toString()}`,
    headers: { ...auth({ admin: true, lang }), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(bytes),
  });
}

async function publish(fields: Record<string, unknown>[]): Promise<void> {
  const admin = auth({ admin: true });
  expect((await inject('PUT', '/api/v1/documents/catalog/draft', admin, { fields })).statusCode).toBe(200);
  expect((await inject('POST', '/api/v1/documents/catalog/publish', admin)).statusCode).toBe(200);
}

interface PackJson {
  id: string;
  status: string;
  progress: { done: number; total: number };
  documents: {
    bankId: string | null;
    name: string;
    status: string;
    sha256: string | null;
    attachedAs: string | null;
    preview: string;
    message?: string;
  }[];
}

async function generate(body: Record<string, unknown>): Promise<PackJson> {
  const r = await inject('POST', `/api/v1/deals/${dealId}/documents/packs`, auth({ deal: true, lang: 'es-MX' }), body);
  expect(r.statusCode, r.body).toBe(202);
  expect(r.json().pack.status).toBe('queued');
  await p.a.app.outbox.drain();
  const got = await inject(
    'GET',
    `/api/v1/deals/${dealId}/documents/packs/${r.json().pack.id as string}`,
    auth({ deal: true, lang: 'es-MX' }),
  );
  return got.json().pack as PackJson;
}

beforeAll(async () => {
  p = await startPlatform();
  portalId = await p.install();
  const contactId = await p.portalCall<number>('crm.contact.add', {
    fields: { NAME: 'Ana', LAST_NAME: 'Pérez', PHONE: [{ VALUE: '+525512345678', VALUE_TYPE: 'MOBILE' }] },
  });
  // doc: api-reference/crm/companies/crm-company-add.md — the borrower's employer, read for `employer.*`.
  const companyId = await p.portalCall<number>('crm.company.add', {
    fields: { TITLE: 'Transportes del Bajío SA de CV', UF_CRM_RFC: 'TBA0101019X1' },
  });
  dealId = Number(p.em.createDeal({ TITLE: 'Crédito auto Pérez', CONTACT_ID: contactId, COMPANY_ID: companyId }).ID);
  await publish(packCatalog());
  for (const name of ['A', 'B'] as const) {
    const r = await inject('POST', '/api/v1/documents/banks', auth({ admin: true }), {
      name: `Banco ${name}`,
      emails: [`credito@banco-${name.toLowerCase()}.example`],
      replySenders: [],
      phones: [],
      requiredFields: [],
    });
    bankIds[name] = r.json().bank.id as string;
  }
}, 60_000);

afterAll(async () => {
  await p?.close();
});

describe('document templates per bank', () => {
  it('stores an upload as version 1, the same name again as version 2, identical bytes as no new version', async () => {
    const anketa = bankQuestionnaire();
    const first = await upload(anketa, { fileName: 'anketa.docx', name: 'Анкета', bankId: bankIds.A, kind: 'questionnaire', lang: 'ru' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: true, template: { bankId: bankIds.A, currentVersion: 1, name: 'Анкета' } });
    const again = await upload(anketa, { fileName: 'anketa.docx', name: 'Анкета', bankId: bankIds.A, kind: 'questionnaire', lang: 'ru' });
    expect(again.json()).toMatchObject({ created: false, template: { currentVersion: 1 } });
    const v1 = await upload(contractEs('CONTRATO v1'), {
      fileName: 'contrato.docx',
      name: 'Contrato',
      bankId: bankIds.B,
      kind: 'contract',
      lang: 'es',
    });
    const v2 = await upload(contractEs(), { fileName: 'contrato.docx', name: 'Contrato', bankId: bankIds.B, kind: 'contract', lang: 'es' });
    expect(v2.json().template.id).toBe(v1.json().template.id);
    expect(v2.json().template.currentVersion).toBe(2);
    expect(v2.json().template.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(v2.json().template.versions[0].placeholders).toContainEqual({ code: 'loan.amount', format: 'words', count: 1 });
    const internal = await upload(contractEs('PAGARÉ'), { fileName: 'pagare.docx', name: 'Pagaré', kind: 'pledge', lang: 'es' });
    expect(internal.json().template.bankId).toBeNull();
    const file = await inject(
      'GET',
      `/api/v1/documents/templates/${v1.json().template.id as string}/versions/1/file`,
      auth({ admin: true }),
    );
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad uploads with a clear error in the admin language and stores nothing', async () => {
    const before = (await inject('GET', '/api/v1/documents/templates', auth())).body;
    const q = { fileName: 'x.docx', name: 'Nueva', bankId: bankIds.A, kind: 'questionnaire', lang: 'es' };
    const typo = await upload(wordDocx({ body: para(run('Nombre: '), wordSplit('{{borower.full_name}}')) }), q, 'es-MX');
    expect(typo.statusCode).toBe(422);
    expect(typo.json().message).toContain('¿quiso decir borrower.full_name?');
    const macro = await upload(wordDocx({ body: para(run('x')), extraParts: { 'word/vbaProject.bin': new Uint8Array(8) } }), q, 'ru-RU');
    expect(macro.json()).toMatchObject({ error: 'TEMPLATE_MACROS', message: expect.stringContaining('макрос') });
    const external = await upload(
      wordDocx({
        body: para(run('x')),
        documentRels:
          '<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://evil.example/a.png" TargetMode="External"/>',
      }),
      q,
    );
    expect(external.json().error).toBe('TEMPLATE_EXTERNAL_LINK');
    const bomb = await upload(
      wordDocx({ body: para(run('x')), extraParts: { 'word/media/zeros.bin': new Uint8Array(50 * 1024 * 1024) } }),
      q,
    );
    expect(bomb.json().error).toBe('TEMPLATE_ZIP_BOMB');
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const tooBig = await upload(big, q, 'es-MX');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: 'TEMPLATE_TOO_LARGE', message: expect.stringContaining('La plantilla pesa 30.0 MB') });
    const notAdmin = await p.a.app.inject({
      method: 'POST',
      url: `/api/v1/documents/templates/file?${new URLSearchParams(q).toString()}`,
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(contractEs()),
    });
    expect(notAdmin.statusCode).toBe(403);
    expect((await inject('GET', '/api/v1/documents/templates', auth())).body).toBe(before);
  });
});

describe('document packs', () => {
  let first: PackJson;

  it('generates a two-bank pack with the internal document, previewed and attached through the document generator', async () => {
    expect((await inject('POST', `/api/v1/deals/${dealId}/documents/application`, auth({ deal: true }))).statusCode).toBe(200);
    const base = await inject('PUT', `/api/v1/deals/${dealId}/documents/values`, auth({ deal: true }), { values: packValues() });
    expect(base.statusCode, base.body).toBe(200);
    const over = await inject('PUT', `/api/v1/deals/${dealId}/documents/values`, auth({ deal: true }), {
      bankId: bankIds.B,
      values: { 'loan.term_months': '18' },
    });
    expect(over.statusCode, over.body).toBe(200);

    first = await generate({ bankIds: [bankIds.A, bankIds.B], internal: true });
    expect(first.status).toBe('done');
    expect(first.progress).toEqual({ done: 3, total: 3 });
    expect(first.documents.map((d) => [d.bankId, d.name, d.status, d.attachedAs, d.preview])).toEqual([
      [bankIds.A, 'Анкета', 'done', 'docgen', 'ready'],
      [bankIds.B, 'Contrato', 'done', 'docgen', 'ready'],
      [null, 'Pagaré', 'done', 'docgen', 'ready'],
    ]);
    const docs = p.em.state.generatedDocuments ?? [];
    expect(docs.map((d) => [d.entityTypeId, d.entityId, d.title, d.hasPdf, d.hasImage])).toEqual([
      [2, dealId, 'Анкета', true, true],
      [2, dealId, 'Contrato', true, true],
      [2, dealId, 'Pagaré', true, true],
    ]);
    expect(docs.map((d) => d.region)).toEqual(['ru', 'es', 'es']);

    const manifest = (await inject('GET', `/api/v1/deals/${dealId}/documents/packs/${first.id}/manifest`, auth({ deal: true }))).json();
    expect(manifest.catalogVersion).toBe(1);
    expect(manifest.documents[0].fields).toMatchObject({
      'loan.term_months': 'base',
      'deal.title': 'bitrix24',
      'borrower.full_name': 'base',
    });
    expect(manifest.documents[1]).toMatchObject({
      templateVersion: 2,
      fields: { 'loan.term_months': 'override', 'deal.title': 'bitrix24', 'employer.name': 'bitrix24', 'employer.rfc': 'bitrix24' },
    });
    expect(manifest.documents[1].templateSha256).toMatch(/^[0-9a-f]{64}$/u);
    // The company fields came from the deal's company (crm.company.get of its COMPANY_ID), into the text.
    const contract = await inject('GET', `/api/v1/deals/${dealId}/documents/packs/${first.id}/documents/1/file`, auth({ deal: true }));
    const body = (await docxParts(new Uint8Array(contract.rawPayload)))['word/document.xml'] ?? '';
    expect(body).toContain('Transportes del Bajío SA de CV');
    expect(body).toContain('TBA0101019X1');

    const preview = await inject('GET', `/api/v1/deals/${dealId}/documents/packs/${first.id}/documents/1/preview`, auth({ deal: true }));
    expect(preview.headers['content-type']).toBe('image/png');
    expect(preview.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const file = await inject('GET', `/api/v1/deals/${dealId}/documents/packs/${first.id}/documents/1/file`, auth({ deal: true }));
    const xml = Buffer.from(file.rawPayload).toString('latin1');
    expect(xml.startsWith('PK')).toBe(true);
    const list = await inject('GET', `/api/v1/deals/${dealId}/documents/packs`, auth({ deal: true }));
    expect(list.json().packs.map((x: PackJson) => x.id)).toEqual([first.id]);
    expect((await inject('GET', `/api/v1/deals/${dealId + 1}/documents/packs`, auth({ deal: true }))).statusCode).toBe(403);
  }, 120_000);

  it('a retried delivery attaches nothing twice, also when it died between the call and its record', async () => {
    const count = () => (p.em.state.generatedDocuments ?? []).length;
    const before = count();
    await p.db.kysely
      .updateTable('document_pack_documents')
      .set({ attach_state: 'attaching', attached_as: 'docgen', remote_id: '{}' })
      .where('portal_id', '=', portalId)
      .where('pack_id', '=', first.id)
      .where('idx', '=', 0)
      .execute();
    await runDeliver(first.id, 0);
    await runDeliver(first.id, 0);
    expect(count()).toBe(before);
    const row = await p.db.kysely
      .selectFrom('document_pack_documents')
      .select(['attach_state', 'remote_id'])
      .where('portal_id', '=', portalId)
      .where('pack_id', '=', first.id)
      .where('idx', '=', 0)
      .executeTakeFirstOrThrow();
    expect(row.attach_state).toBe('done');
    expect(JSON.parse(row.remote_id!)).toEqual({ documentId: String(p.em.state.generatedDocuments![0]!.id) });
  }, 60_000);

  it('where the plan has no document generator, attaches through Disk and a timeline comment, once', async () => {
    p.em.state.portal.plan = { ...p.em.state.portal.plan, documentGenerator: false };
    try {
      const pack = await generate({ bankIds: [bankIds.A] });
      expect(pack.documents.map((d) => [d.status, d.attachedAs])).toEqual([['done', 'disk']]);
      const storage = p.em.state.appStorage!;
      const files = p.em.state.files.filter((f) => f.folderId === storage.rootFolderId);
      expect(files).toHaveLength(1);
      expect(files[0]!.name).toMatch(/^Анкета .+-1\.docx$/u);
      const comments = p.em.state.timeline.filter((c) => c.entityId === dealId && c.comment.includes(files[0]!.name));
      expect(comments).toHaveLength(1);
      expect(comments[0]!.comment).toContain('Documento del paquete');
      // Died after the comment reached the portal, before its record: found, not posted again.
      await p.db.kysely
        .updateTable('document_pack_documents')
        .set({ attach_state: 'commenting' })
        .where('portal_id', '=', portalId)
        .where('pack_id', '=', pack.id)
        .execute();
      await runDeliver(pack.id, 0);
      expect(p.em.state.timeline.filter((c) => c.comment.includes(files[0]!.name))).toHaveLength(1);
      expect(p.em.state.files.filter((f) => f.folderId === storage.rootFolderId)).toHaveLength(1);
    } finally {
      p.em.state.portal.plan = { ...p.em.state.portal.plan, documentGenerator: true };
    }
  }, 60_000);

  it('after a catalog change (a field added, a label changed), the pinned application regenerates byte-identical', async () => {
    const changed = packCatalog([
      { code: 'borrower.email', label: { en: 'E-mail', ru: 'Почта', es: 'Correo' }, type: 'text', section: 'borrower' },
    ]);
    (changed[0] as { label: Record<string, string> }).label = { en: 'Full name', ru: 'ФИО', es: 'Nombre completo' };
    await publish(changed);
    const again = await generate({ bankIds: [bankIds.A, bankIds.B], internal: true });
    expect(again.status).toBe('done');
    expect(again.documents.map((d) => d.sha256)).toEqual(first.documents.map((d) => d.sha256));
    const manifest = (await inject('GET', `/api/v1/deals/${dealId}/documents/packs/${again.id}/manifest`, auth({ deal: true }))).json();
    expect(manifest.catalogVersion).toBe(1);
  }, 120_000);

  it('a document that does not fit the application fails alone with its reason; the rest of the pack is made', async () => {
    // Linted against catalog version 2; the application is still pinned to version 1, which lacks the field.
    const annex = wordDocx({ body: para(run('Correo: '), wordSplit('{{borrower.email}}')) });
    const up = await upload(annex, { fileName: 'anexo.docx', name: 'Anexo', bankId: bankIds.B, kind: 'other', lang: 'es' });
    expect(up.statusCode, up.body).toBe(200);
    const pack = await generate({ bankIds: [bankIds.B] });
    expect(pack.status).toBe('done');
    expect(pack.documents.map((d) => [d.name, d.status, d.attachedAs])).toEqual([
      ['Anexo', 'failed', null],
      ['Contrato', 'done', 'docgen'],
    ]);
    expect(pack.documents[0]!.message).toContain('La plantilla tiene 1 problema(s)');
    await inject('DELETE', `/api/v1/documents/templates/${up.json().template.id as string}`, auth({ admin: true }));
  }, 60_000);

  it('the same click twice makes one pack; its id for other banks is refused', async () => {
    const body = { bankIds: [bankIds.A], requestId: 'click-0b6f3c2a' };
    const h = auth({ deal: true });
    const [one, two] = await Promise.all([
      inject('POST', `/api/v1/deals/${dealId}/documents/packs`, h, body),
      inject('POST', `/api/v1/deals/${dealId}/documents/packs`, h, body),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([202, 202]);
    expect(two.json().pack.id).toBe(one.json().pack.id);
    const other = await inject('POST', `/api/v1/deals/${dealId}/documents/packs`, h, { ...body, bankIds: [bankIds.B] });
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toBe('IDEMPOTENCY_MISMATCH');
    await p.a.app.outbox.drain();
  }, 60_000);

  it('refuses a pack for a bank without templates, and an unknown bank, in the user language', async () => {
    const c = await inject('POST', '/api/v1/documents/banks', auth({ admin: true }), {
      name: 'Banco C',
      emails: [],
      replySenders: [],
      phones: [],
      requiredFields: [],
    });
    const none = await inject('POST', `/api/v1/deals/${dealId}/documents/packs`, auth({ deal: true, lang: 'ru-RU' }), {
      bankIds: [c.json().bank.id],
    });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ error: 'PACK_NO_TEMPLATES', message: expect.stringContaining('нет шаблонов') });
    const unknown = await inject('POST', `/api/v1/deals/${dealId}/documents/packs`, auth({ deal: true }), { bankIds: ['nope'] });
    expect(unknown.statusCode).toBe(404);
  });
});

async function runDeliver(packId: string, idx: number): Promise<void> {
  const handler = p.a.app.jobHandlers.get(PACK_DELIVER_JOB)!;
  const job: Job = {
    id: 'test',
    portalId,
    kind: PACK_DELIVER_JOB,
    idempotencyKey: 'test',
    payload: { packId, idx },
    attempts: 1,
    maxAttempts: 8,
  };
  const ctx: JobContext = {
    db: p.db.kysely,
    log: p.a.app.log,
    portal: () => p.a.app.portalClients.get(portalId),
    getPortalClient: (id) => p.a.app.portalClients.get(id),
  };
  await handler(job, ctx);
}
