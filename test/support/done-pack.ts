import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import { putBlob } from '../../server/documents/blobs-repo.js';

// A finished pack on a deal, written straight into the pack tables with its bytes in the blob store:
// for the tests of what is done WITH a pack (attaching it to a bank e-mail). Generating one for real
// (templates, filling, LibreOffice) is test/documents-tab-packs.test.ts's subject.

export interface DonePackDocument {
  name: string;
  /** A document for the bank (true) or an internal one shared by every bank (false). */
  bank: boolean;
  bytes: Uint8Array;
  pdf?: Uint8Array;
}

export async function insertDonePack(
  db: Kysely<Database>,
  portalId: string,
  dealId: number,
  bankId: string,
  createdAt: string,
  docs: DonePackDocument[],
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('document_packs')
    .values({
      portal_id: portalId,
      id,
      deal_id: dealId,
      application_id: 'app',
      catalog_version: 1,
      status: 'done',
      lang: 'es',
      request_id: null,
      request_sha256: null,
      created_at: createdAt,
      created_by: 1,
      updated_at: createdAt,
    })
    .execute();
  for (const [idx, d] of docs.entries()) {
    const sha256 = await putBlob(db, portalId, d.bytes, createdAt);
    const pdf = d.pdf ? await putBlob(db, portalId, d.pdf, createdAt) : null;
    await db
      .insertInto('document_pack_documents')
      .values({
        portal_id: portalId,
        pack_id: id,
        idx,
        bank_id: d.bank ? bankId : null,
        template_id: 't',
        template_version: 1,
        template_sha256: 'x',
        name: d.name,
        lang: 'es',
        status: 'done',
        sha256,
        field_sources: null,
        preview: pdf ? 'ready' : 'unavailable',
        preview_sha256: null,
        pdf_sha256: pdf,
        attach_state: 'done',
        attached_as: 'docgen',
        remote_id: null,
        message_code: null,
        message_params: null,
        updated_at: createdAt,
      })
      .execute();
  }
  return id;
}
