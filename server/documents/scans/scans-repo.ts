// Scans kept with a deal's application (issue 15, item 4): each under a catalog field of type 'file'
// of the application's pinned version; the file name and the bytes sealed with the app's secret box,
// bound to the row (a row copied to another portal or application does not open). Every query is
// scoped by portal_id.
import { createHash } from 'node:crypto';
import type { Executor, Trx } from '../../db/executor.js';
import { AppError, localizedError } from '../../errors.js';
import type { SecretBox } from '../../security/crypto.js';
import { uuidv7 } from '../../security/uuidv7.js';
import type { Actor, DocumentApplication } from '../catalog/catalog-repo.js';
import { getVersion, lockApplication } from '../catalog/catalog-repo.js';
import type { ScanView } from '../../../wire/document-scans.js';
import { MAX_SCANS_PER_APPLICATION, scanContentType } from './scan-file.js';

const scanAad = (portalId: string, applicationId: string, id: string, part: 'name' | 'content') =>
  `document_scans:${portalId}:${applicationId}:${id}:${part}`;

const LIST = ['id', 'application_id', 'code', 'file_name', 'content_type', 'size_bytes', 'uploaded_at', 'uploaded_by'] as const;

/** Stores one scan after its checks: a 'file' field of the pinned version, PDF/JPEG/PNG, size, count. */
export async function addScan(
  trx: Trx,
  box: SecretBox,
  portalId: string,
  app: DocumentApplication,
  upload: { code: string; fileName: string; bytes: Uint8Array },
  by: Actor,
): Promise<ScanView> {
  const field = (await getVersion(trx, portalId, app.catalogVersion))?.find((f) => f.code === upload.code);
  if (field?.type !== 'file') {
    throw localizedError(
      'DOCUMENT_FIELD_UNKNOWN',
      by.lang,
      `no file field ${upload.code}`,
      { code: upload.code, version: app.catalogVersion },
      { code: upload.code },
    );
  }
  const contentType = scanContentType(upload.bytes);
  // The application's row lock: two uploads at once cannot both pass the count.
  await lockApplication(trx, portalId, app.id, by.nowIso);
  const count = await trx
    .selectFrom('document_scans')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('portal_id', '=', portalId)
    .where('application_id', '=', app.id)
    .executeTakeFirst();
  if (Number(count?.n ?? 0) >= MAX_SCANS_PER_APPLICATION) throw new AppError('SCAN_LIMIT', `application ${app.id} has ${count?.n} scans`);
  const id = uuidv7();
  const fileName = upload.fileName.trim().slice(0, 255) || 'scan';
  await trx
    .insertInto('document_scans')
    .values({
      portal_id: portalId,
      id,
      application_id: app.id,
      code: upload.code,
      file_name: box.encrypt(fileName, scanAad(portalId, app.id, id, 'name')),
      content_type: contentType,
      size_bytes: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: box.encrypt(Buffer.from(upload.bytes).toString('base64'), scanAad(portalId, app.id, id, 'content')),
      uploaded_at: by.nowIso,
      uploaded_by: by.userId,
    })
    .execute();
  return { id, code: upload.code, fileName, contentType, sizeBytes: upload.bytes.length, uploadedAt: by.nowIso, uploadedBy: by.userId };
}

/** The application's scans, oldest first, without their bytes. */
export async function listScans(db: Executor, box: SecretBox, portalId: string, applicationId: string): Promise<ScanView[]> {
  const rows = await db
    .selectFrom('document_scans')
    .select(LIST)
    .where('portal_id', '=', portalId)
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    // A name altered at rest is shown empty (the box logs where), the list still opens.
    fileName: box.open(r.file_name, scanAad(portalId, applicationId, r.id, 'name')) ?? '',
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    uploadedAt: r.uploaded_at,
    uploadedBy: r.uploaded_by === null ? null : Number(r.uploaded_by),
  }));
}

/** The codes of the application's file fields that have at least one scan (completeness counts them). */
export async function scannedCodes(db: Executor, portalId: string, applicationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('document_scans')
    .select('code')
    .distinct()
    .where('portal_id', '=', portalId)
    .where('application_id', '=', applicationId)
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** One scan's bytes and type, or NOT_FOUND when the application has no such scan. */
export async function scanContent(
  db: Executor,
  box: SecretBox,
  portalId: string,
  applicationId: string,
  id: string,
): Promise<{ contentType: string; fileName: string; bytes: Buffer }> {
  const r = await db
    .selectFrom('document_scans')
    .select(['file_name', 'content_type', 'content'])
    .where('portal_id', '=', portalId)
    .where('application_id', '=', applicationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw scanNotFound(id);
  const content = box.open(r.content, scanAad(portalId, applicationId, id, 'content'));
  // Bytes altered at rest are not the file the user uploaded: refused with what mends it, never a 500.
  if (content === undefined) throw new AppError('STORED_DATA_UNREADABLE', `scan ${id} content does not open`);
  return {
    contentType: r.content_type,
    fileName: box.open(r.file_name, scanAad(portalId, applicationId, id, 'name')) ?? 'scan',
    bytes: Buffer.from(content, 'base64'),
  };
}

export async function deleteScan(db: Executor, portalId: string, applicationId: string, id: string): Promise<void> {
  const r = await db
    .deleteFrom('document_scans')
    .where('portal_id', '=', portalId)
    .where('application_id', '=', applicationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) throw scanNotFound(id);
}

function scanNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `no scan ${id}`);
}
