// A filled document reaches the deal (issue 15, item 4). First through the CRM document generator —
// doc: api-reference/crm/document-generator/documents/crm-document-generator-document-upload.md
// (fields entityTypeId, entityId, fileContent, region, title, number; pdfContent/imageContent
// optional; no template id: the portal makes a hidden one for the app) — which lists it in the deal's
// documents. Where the portal refuses it (module not installed on the plan, no permission, unknown
// method), the app's Disk storage — doc: api-reference/disk/storage/disk-storage-get-for-app.md,
// api-reference/disk/folder/disk-folder-upload-file.md — and a deal timeline comment with the file's
// link — doc: api-reference/crm/timeline/comments/crm-timeline-comment-add.md.
//
// Exactly once: every step is recorded before and after its call. A step found 'in flight' on a
// retry (the job died between the call and the record) first looks for what it made: the document by
// its number (crm.documentgenerator.document.list), the Disk file by its name
// (disk.folder.getchildren), the comment by the file's name (crm.timeline.comment.list).
import { AccessDenied, NotFound, PortalCallError } from '../../portal-client/errors.js';
import type { UserLanguage } from '../../errors.js';
import type { AttachState } from './pack-repo.js';

export interface RestCaller {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
}

export interface AttachInput {
  dealId: number;
  /** Unique per pack document: the docgen number and part of the Disk file's name. */
  number: string;
  title: string;
  /** The template's language as the docgen region (UNVERIFIED(b24): which region codes a portal knows). */
  region: string;
  lang: UserLanguage;
  docx: Uint8Array;
  pdf?: Uint8Array;
  png?: Uint8Array;
}

export interface AttachProgress {
  state: AttachState;
  as: 'docgen' | 'disk' | null;
  /** JSON of what was made: { documentId } or { fileId, url, commentId }. */
  remote: Record<string, string>;
}

/** Records a step before the call it guards and after it returns (the caller commits each). */
export type SaveProgress = (p: AttachProgress) => Promise<void>;

const DEAL = 2;
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The portal said no for good (not a busy or broken connection): nothing was made there. */
function refused(e: unknown): boolean {
  return e instanceof PortalCallError || e instanceof AccessDenied || e instanceof NotFound;
}

export class AttachRefused extends Error {
  override name = 'AttachRefused';
}

export async function attachDocument(b24: RestCaller, input: AttachInput, at: AttachProgress, save: SaveProgress): Promise<AttachProgress> {
  let p = at;
  if (p.state === 'done' || p.state === 'failed') return p;
  if (p.as === null || p.as === 'docgen') {
    const viaDocgen = await tryDocgen(b24, input, p, save);
    if (viaDocgen) return viaDocgen;
    p = { state: 'attaching', as: 'disk', remote: {} };
    await save(p);
  }
  return viaDisk(b24, input, p, save);
}

async function tryDocgen(b24: RestCaller, input: AttachInput, at: AttachProgress, save: SaveProgress): Promise<AttachProgress | null> {
  try {
    if (at.state === 'attaching') {
      const found = await b24.call<{ documents?: { id: string | number }[] }>('crm.documentgenerator.document.list', {
        select: ['id', 'number'],
        filter: { entityTypeId: DEAL, entityId: input.dealId, number: input.number },
      });
      const doc = found.documents?.[0];
      if (doc) return await finish(save, 'docgen', { documentId: String(doc.id) });
    } else {
      await save({ state: 'attaching', as: 'docgen', remote: {} });
    }
    const r = await b24.call<{ document?: { id?: string | number } }>('crm.documentgenerator.document.upload', {
      fields: {
        entityTypeId: DEAL,
        entityId: input.dealId,
        fileContent: b64(input.docx),
        region: input.region,
        title: input.title,
        number: input.number,
        ...(input.pdf ? { pdfContent: b64(input.pdf) } : {}),
        ...(input.png ? { imageContent: b64(input.png) } : {}),
      },
    });
    return await finish(save, 'docgen', { documentId: String(r.document?.id ?? '') });
  } catch (e) {
    if (refused(e)) return null;
    throw e;
  }
}

async function finish(save: SaveProgress, as: 'docgen' | 'disk', remote: Record<string, string>): Promise<AttachProgress> {
  const p: AttachProgress = { state: 'done', as, remote };
  await save(p);
  return p;
}

const COMMENT: Record<UserLanguage, string> = {
  en: 'Document of the pack',
  ru: 'Документ пакета',
  es: 'Documento del paquete',
};

export function diskFileName(input: Pick<AttachInput, 'title' | 'number'>): string {
  const safe = input.title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, ' ')
    .trim()
    .slice(0, 150);
  return `${safe} ${input.number}.docx`;
}

interface DiskFile {
  ID: string | number;
  NAME?: string;
  DETAIL_URL?: string;
}

async function viaDisk(b24: RestCaller, input: AttachInput, at: AttachProgress, save: SaveProgress): Promise<AttachProgress> {
  const name = diskFileName(input);
  let p = at;
  try {
    if (p.state === 'attaching') {
      const storage = await b24.call<{ ROOT_OBJECT_ID: string | number }>('disk.storage.getforapp');
      const folderId = storage.ROOT_OBJECT_ID;
      const existing = await b24.call<DiskFile[]>('disk.folder.getchildren', { id: folderId, filter: { NAME: name } });
      const file =
        existing.find((f) => f.NAME === name) ??
        (await b24.call<DiskFile>('disk.folder.uploadfile', {
          id: folderId,
          data: { NAME: name },
          fileContent: [name, b64(input.docx)],
        }));
      p = { state: 'disk_uploaded', as: 'disk', remote: { fileId: String(file.ID), url: String(file.DETAIL_URL ?? '') } };
      await save(p);
    }
    if (p.state === 'commenting') {
      const comments = await b24.call<{ ID: string | number; COMMENT?: string }[]>('crm.timeline.comment.list', {
        filter: { ENTITY_ID: input.dealId, ENTITY_TYPE: 'deal' },
        order: { ID: 'DESC' },
      });
      const mine = comments.find((c) => (c.COMMENT ?? '').includes(name));
      if (mine) return await finish(save, 'disk', { ...p.remote, commentId: String(mine.ID) });
    }
    if (p.state === 'disk_uploaded' || p.state === 'commenting') {
      p = { ...p, state: 'commenting' };
      await save(p);
      const link = p.remote.url ? `[URL=${p.remote.url}]${name}[/URL]` : name;
      const commentId = await b24.call<number>('crm.timeline.comment.add', {
        fields: { ENTITY_ID: input.dealId, ENTITY_TYPE: 'deal', COMMENT: `${COMMENT[input.lang]}: ${link}` },
      });
      return await finish(save, 'disk', { ...p.remote, commentId: String(commentId) });
    }
    return p;
  } catch (e) {
    if (refused(e)) throw new AttachRefused(e instanceof Error ? e.message : String(e));
    throw e;
  }
}
