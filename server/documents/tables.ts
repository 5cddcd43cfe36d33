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

/** A lender partner an application goes to (migration 202612041705-document-values). */
export interface DocumentBanksTable {
  portal_id: string;
  id: string;
  name: string;
  /** Legacy clear JSON string[] (before 202612042030): '[]' once sealed into contacts_enc. */
  emails: string;
  /** Legacy clear JSON string[] of addresses or @domains: '[]' once sealed into contacts_enc. */
  reply_senders: string;
  /** Legacy clear JSON string[]: '[]' once sealed into contacts_enc. */
  phones: string;
  /**
   * SecretBox ciphertext (aad document_banks:<portal>:<id>) of JSON { emails, replySenders, phones }:
   * where applications are sent, whose replies are the bank's, its phones. Null only on a row written
   * before 202612042030 and not yet sealed at start-up.
   */
  contacts_enc: string | null;
  /** JSON string[]: catalog codes the bank needs filled. */
  required_fields: string;
  /** JSON BankMessageTemplate (wire/documents.ts) the app writes to this bank with; null = the language's default. */
  message_template: string | null;
  /** JSON string[]: the deal currencies the bank takes applications for (ISO codes); null = any. */
  deal_currencies: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentValuesTable {
  portal_id: string;
  application_id: string;
  /** '' = the base bank; else document_banks.id (an override). */
  bank_id: string;
  code: string;
  /** JSON of the value, or its ciphertext when `encrypted` (aad: valueAad). */
  value: string;
  encrypted: number;
  updated_at: string;
  updated_by: number | null;
}

export interface DocumentValueHistoryTable {
  portal_id: string;
  application_id: string;
  /** 1, 2, 3… per application, in the order of the changes. */
  seq: number;
  bank_id: string;
  code: string;
  /** JSON or ciphertext as in document_values; null = no value. */
  old_value: string | null;
  new_value: string | null;
  encrypted: number;
  changed_at: string;
  changed_by: number | null;
}

/** Bytes by sha256 per portal, base64 (migration 202612042000-document-packs): templates and filled documents. */
export interface DocumentBlobsTable {
  portal_id: string;
  sha256: string;
  content: string;
  size_bytes: number;
  created_at: string;
}

export interface DocumentTemplatesTable {
  portal_id: string;
  id: string;
  /** null: an internal document (no bank). */
  bank_id: string | null;
  name: string;
  name_key: string;
  kind: string;
  /** The document's language: numbers, dates, amounts in words. */
  lang: string;
  /** JSON string[] of the deal currencies the template is for (["RUB"]); null = any deal. */
  deal_currencies: string | null;
  current_version: number;
  archived_at: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface DocumentTemplateVersionsTable {
  portal_id: string;
  template_id: string;
  version: number;
  file_name: string;
  sha256: string;
  size_bytes: number;
  catalog_version: number;
  /** JSON: the linter's report. */
  report: string;
  uploaded_at: string;
  uploaded_by: number | null;
}

/** A scan the client brought, kept with the application (migration 202612042020-document-scans). */
export interface DocumentScansTable {
  portal_id: string;
  id: string;
  application_id: string;
  /** The catalog field of type 'file' it was uploaded under. */
  code: string;
  /** Ciphertext of the file name (aad: scanAad … 'name'). */
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** Ciphertext of the bytes as base64 (aad: scanAad … 'content'). */
  content: string;
  uploaded_at: string;
  uploaded_by: number | null;
}

export interface DocumentPacksTable {
  portal_id: string;
  id: string;
  deal_id: number;
  application_id: string;
  catalog_version: number;
  status: string;
  lang: string;
  /** The caller's id of the request (null: none given) and the sha256 of what it asked. */
  request_id: string | null;
  request_sha256: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface DocumentPackDocumentsTable {
  portal_id: string;
  pack_id: string;
  idx: number;
  bank_id: string | null;
  template_id: string;
  template_version: number;
  template_sha256: string;
  name: string;
  lang: string;
  status: string;
  sha256: string | null;
  field_sources: string | null;
  preview: string;
  preview_sha256: string | null;
  pdf_sha256: string | null;
  attach_state: string;
  attached_as: string | null;
  remote_id: string | null;
  message_code: string | null;
  message_params: string | null;
  updated_at: string;
}

export interface DocumentTables {
  document_scans: DocumentScansTable;
  document_banks: DocumentBanksTable;
  document_values: DocumentValuesTable;
  document_value_history: DocumentValueHistoryTable;
  field_catalog_drafts: FieldCatalogDraftsTable;
  field_catalog_versions: FieldCatalogVersionsTable;
  document_applications: DocumentApplicationsTable;
  document_application_moves: DocumentApplicationMovesTable;
  document_blobs: DocumentBlobsTable;
  document_templates: DocumentTemplatesTable;
  document_template_versions: DocumentTemplateVersionsTable;
  document_packs: DocumentPacksTable;
  document_pack_documents: DocumentPackDocumentsTable;
}
