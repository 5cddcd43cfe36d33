// Kysely row types for the document packs' catalog (migration 202612041637-document-catalog).

export interface FieldCatalogDraftsTable {
  portal_id: string;
  /** JSON: CatalogField[] (server/documents/catalog/catalog-field.ts). */
  fields: string;
  updated_at: string;
  updated_by: number | null;
}

export interface FieldCatalogVersionsTable {
  portal_id: string;
  version: number;
  /** JSON: CatalogField[], frozen at publishing. */
  fields: string;
  fields_sha256: string;
  published_at: string;
  published_by: number | null;
}

export interface DocumentApplicationsTable {
  portal_id: string;
  id: string;
  deal_id: number;
  /** The catalog version the application is pinned to. */
  catalog_version: number;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface DocumentApplicationMovesTable {
  portal_id: string;
  application_id: string;
  from_version: number;
  to_version: number;
  /** JSON: CatalogDiff as shown to the user who moved it. */
  diff: string;
  moved_at: string;
  moved_by: number | null;
}

export interface DocumentTables {
  field_catalog_drafts: FieldCatalogDraftsTable;
  field_catalog_versions: FieldCatalogVersionsTable;
  document_applications: DocumentApplicationsTable;
  document_application_moves: DocumentApplicationMovesTable;
}
