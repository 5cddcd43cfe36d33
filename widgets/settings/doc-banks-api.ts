// The banks directory (server/routes/api/documents/banks.ts): anyone in the portal reads it,
// administrators add and edit banks (a PUT replaces the bank, contacts and required fields whole). The
// checklist of required fields comes from the latest published catalog version (read by anyone).
import type { CatalogField, CatalogVersionsView } from '../../wire/document-catalog.js';
import type { BankInput, BankView } from '../../wire/documents.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export function createDocBanksApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    list: async (): Promise<BankView[]> => (await client.request<{ banks: BankView[] }>('GET', '/api/v1/documents/banks')).banks,
    create: async (body: BankInput): Promise<BankView> =>
      (await client.request<{ bank: BankView }>('POST', '/api/v1/documents/banks', body)).bank,
    update: async (id: string, body: BankInput): Promise<BankView> =>
      (await client.request<{ bank: BankView }>('PUT', `/api/v1/documents/banks/${encodeURIComponent(id)}`, body)).bank,
    /** The latest published version's fields; none when nothing is published yet. */
    catalog: async (): Promise<CatalogField[]> => {
      const latest = (await client.request<CatalogVersionsView>('GET', '/api/v1/documents/catalog/versions')).versions.at(-1);
      if (!latest) return [];
      return (await client.request<{ fields: CatalogField[] }>('GET', `/api/v1/documents/catalog/versions/${latest.version}`)).fields;
    },
  };
}

export type DocBanksApi = ReturnType<typeof createDocBanksApi>;
