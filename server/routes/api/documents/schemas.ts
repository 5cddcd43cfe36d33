import { Type } from '@sinclair/typebox';
import { MAX_CATALOG_FIELDS } from '../../../documents/catalog/catalog-field.js';
import { CatalogFieldSchema } from '../../../documents/catalog/catalog-schema.js';

export const CatalogBody = Type.Object({ fields: Type.Array(CatalogFieldSchema, { maxItems: MAX_CATALOG_FIELDS }) });
export {
  Application,
  ApplicationReply,
  CatalogReply,
  Diff,
  MoveBody,
  MovePreviewReply,
  MoveReply,
  PublishReply,
  VersionReply,
  VersionsReply,
} from '../../../../wire/document-catalog.js';
export const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const DealParams = Type.Object({ dealId: Type.Integer({ minimum: 1 }) });
export const MoveQuery = Type.Object({ to: Type.Integer({ minimum: 1 }) });
export const ErrorReply = Type.Object({ error: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });

export const LintBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  contentBase64: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
  /** The catalog version to check against; the latest published when absent. */
  catalogVersion: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const LintReply = Type.Object({
  catalogVersion: Type.Integer(),
  sha256: Type.String(),
  placeholders: Type.Array(Type.Object({ code: Type.String(), format: Type.Optional(Type.String()), count: Type.Integer() })),
  lists: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
  checkboxes: Type.Array(Type.String()),
  parts: Type.Array(Type.String()),
});
