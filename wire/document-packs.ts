import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of generated document packs (issue 15, items 3–5), declared once: the server's pack
// routes validate with them and the Documents tab takes its types from them.
//   POST /api/v1/deals/:dealId/documents/packs            PackBody → 202 PackReply (queued)
//   GET  /api/v1/deals/:dealId/documents/packs            → PacksReply (newest first)
//   GET  /api/v1/deals/:dealId/documents/packs/:packId    → PackReply (the tab polls while not final)
//   GET  /api/v1/deals/:dealId/documents/packs/:packId/documents/:index/file     → the .docx
//   GET  /api/v1/deals/:dealId/documents/packs/:packId/documents/:index/preview  → image/png of page 1
//   GET  /api/v1/deals/:dealId/documents/packs/:packId/manifest                  → the manifest JSON
//   POST /api/v1/deals/:dealId/documents/packs/:packId/documents/:index/retry    → 202 PackReply (its failed step again)

export const PackBody = Type.Object({
  bankIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 15, uniqueItems: true }),
  /** Also include the portal's internal documents (contracts, pledges): templates with no bank. */
  internal: Type.Optional(Type.Boolean()),
  /**
   * The tab's id for this click on "Generate" (a UUID it makes once): the same id again answers the pack
   * it made, nothing generated twice; the same id with other banks is 409 IDEMPOTENCY_MISMATCH.
   */
  requestId: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' })),
});

export const PackParams = Type.Object({
  dealId: Type.Integer({ minimum: 1 }),
  packId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const PackDocument = Type.Object({
  /** null: an internal document. */
  bankId: Type.Union([Type.String(), Type.Null()]),
  templateId: Type.String(),
  templateVersion: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('failed')]),
  /** sha256 of the filled .docx, once done. */
  sha256: Type.Union([Type.String(), Type.Null()]),
  /** How it reached the deal: the CRM document generator, Disk + timeline, or not (yet). */
  attachedAs: Type.Union([Type.Literal('docgen'), Type.Literal('disk'), Type.Null()]),
  preview: Type.Union([Type.Literal('ready'), Type.Literal('unavailable'), Type.Literal('pending')]),
  /** User-language text when status is failed or the preview is unavailable. */
  message: Type.Optional(Type.String()),
  /**
   * A step failed that can run again (POST …/documents/:index/retry): its outbox job died (the document
   * is then failed, or done but not attached), or the portal refused the attachment.
   */
  retryable: Type.Optional(Type.Literal(true)),
});

export const Pack = Type.Object({
  id: Type.String(),
  dealId: Type.Integer(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('generating'), Type.Literal('done'), Type.Literal('failed')]),
  catalogVersion: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  progress: Type.Object({ done: Type.Integer(), total: Type.Integer() }),
  documents: Type.Array(PackDocument),
});

export const PackReply = Type.Object({ pack: Pack });

/** A document of the pack by its place in `documents` (0-based), for its file and preview. */
export const PackDocumentParams = Type.Object({
  dealId: Type.Integer({ minimum: 1 }),
  packId: Type.String({ minLength: 1, maxLength: 64 }),
  index: Type.Integer({ minimum: 0, maximum: 999 }),
});

/** Where a field's value came from in one document: the bank's override, the base bank, Bitrix24, the deal's saved loan, or nowhere. */
export const FieldSource = Type.Union([
  Type.Literal('base'),
  Type.Literal('override'),
  Type.Literal('bitrix24'),
  Type.Literal('loan'),
  Type.Literal('missing'),
]);

/** What the pack was made of: enough to tell whether a regenerated pack is the same. */
export const PackManifest = Type.Object({
  packId: Type.String(),
  dealId: Type.Integer(),
  catalogVersion: Type.Integer(),
  createdAt: Type.String(),
  documents: Type.Array(
    Type.Object({
      index: Type.Integer(),
      bankId: Type.Union([Type.String(), Type.Null()]),
      name: Type.String(),
      templateId: Type.String(),
      templateVersion: Type.Integer(),
      templateSha256: Type.String(),
      status: PackDocument.properties.status,
      sha256: Type.Union([Type.String(), Type.Null()]),
      attachedAs: PackDocument.properties.attachedAs,
      fields: Type.Record(Type.String(), FieldSource),
    }),
  ),
});
export const PacksReply = Type.Object({ packs: Type.Array(Pack) });

export type PackInput = Static<typeof PackBody>;
export type PackView = Static<typeof Pack>;
export type PackDocumentView = Static<typeof PackDocument>;
export type PackManifestView = Static<typeof PackManifest>;
export type PackFieldSource = Static<typeof FieldSource>;
