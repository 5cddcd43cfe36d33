// The documents' field catalog (server/routes/api/documents/index.ts): administrators read and replace
// the draft and publish it; the versions are read by anyone in the portal.
import type { CatalogDraftView, CatalogField, CatalogVersionsView, PublishView } from '../../wire/document-catalog.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export function createDocCatalogApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    /** The saved draft, else the latest published version to start from. */
    draft: () => client.request<CatalogDraftView>('GET', '/api/v1/documents/catalog/draft'),
    /** A full replace, checked by the server (CATALOG_INVALID names the field): repeating it stores the same. */
    saveDraft: (fields: CatalogField[]) => client.request<CatalogDraftView>('PUT', '/api/v1/documents/catalog/draft', { fields }),
    publish: () => client.request<PublishView>('POST', '/api/v1/documents/catalog/publish'),
    versions: () => client.request<CatalogVersionsView>('GET', '/api/v1/documents/catalog/versions'),
    version: (n: number) => client.request<{ version: number; fields: CatalogField[] }>('GET', `/api/v1/documents/catalog/versions/${n}`),
  };
}

export type DocCatalogApi = ReturnType<typeof createDocCatalogApi>;
