import type { Executor } from '../../db/executor.js';

// What goes with an e-mail to a bank when the user attaches "the pack" (issue 16 item 2): the
// deal's newest finished pack that holds a document filled for that bank — its documents for the
// bank and the pack's internal ones (contracts), each as .docx and, where LibreOffice made one, PDF.
// Only names and hashes: the message stores this list when it is queued, and the send job reads the
// bytes from document_blobs at send time, so a retry sends the same files.

export interface PackAttachmentRef {
  filename: string;
  contentType: string;
  sha256: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A document's name as a file name: no path separators or control characters, bounded. */
const fileBase = (name: string) =>
  name
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120) || 'document';

/** Null when the deal has no finished pack with a document for this bank. */
export async function packAttachmentsFor(
  db: Executor,
  portalId: string,
  dealId: number,
  bankId: string,
): Promise<{ packId: string; files: PackAttachmentRef[] } | null> {
  const pack = await db
    .selectFrom('document_packs as p')
    .select('p.id')
    .where('p.portal_id', '=', portalId)
    .where('p.deal_id', '=', dealId)
    .where('p.status', '=', 'done')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_pack_documents as d')
          .select('d.idx')
          .whereRef('d.pack_id', '=', 'p.id')
          .where('d.portal_id', '=', portalId)
          .where('d.bank_id', '=', bankId)
          .where('d.status', '=', 'done'),
      ),
    )
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
  if (!pack) return null;
  const docs = await db
    .selectFrom('document_pack_documents')
    .select(['idx', 'name', 'sha256', 'pdf_sha256'])
    .where('portal_id', '=', portalId)
    .where('pack_id', '=', pack.id)
    .where('status', '=', 'done')
    .where((eb) => eb.or([eb('bank_id', '=', bankId), eb('bank_id', 'is', null)]))
    .orderBy('idx')
    .execute();
  const files: PackAttachmentRef[] = [];
  const taken = new Set<string>();
  const unique = (base: string, ext: string) => {
    let name = `${base}.${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).${ext}`;
    taken.add(name.toLowerCase());
    return name;
  };
  for (const d of docs) {
    if (!d.sha256) continue;
    const base = fileBase(d.name);
    files.push({ filename: unique(base, 'docx'), contentType: DOCX, sha256: d.sha256 });
    if (d.pdf_sha256) files.push({ filename: unique(base, 'pdf'), contentType: 'application/pdf', sha256: d.pdf_sha256 });
  }
  return files.length > 0 ? { packId: pack.id, files } : null;
}
