import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of the scans kept with a deal's application (issue 15, item 4), declared once: the
// server's scan routes validate with them and the Documents tab takes its types from them.
//   POST   /api/v1/deals/:dealId/documents/scans?code=…&fileName=…  application/octet-stream → ScansReply
//   GET    /api/v1/deals/:dealId/documents/scans                   → ScansReply
//   GET    /api/v1/deals/:dealId/documents/scans/:scanId/file      → the file (PDF, JPEG or PNG)
//   DELETE /api/v1/deals/:dealId/documents/scans/:scanId           → ScansReply

export const ScanUploadQuery = Type.Object({
  /** The catalog field of type 'file' (e.g. borrower.id_scan). */
  code: Type.String({ minLength: 1, maxLength: 100 }),
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
});

export const ScanParams = Type.Object({
  dealId: Type.Integer({ minimum: 1 }),
  scanId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const Scan = Type.Object({
  id: Type.String(),
  code: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedAt: Type.String(),
  uploadedBy: Type.Union([Type.Integer(), Type.Null()]),
});

export const ScansReply = Type.Object({ scans: Type.Array(Scan) });

export type ScanView = Static<typeof Scan>;
