// Our backend for the Documents tab (server/routes/api/documents/, the pack routes per
// wire/document-packs.ts). The session token comes from the placement page, bound to portal, user and
// deal; it renews itself through the frame when it expires (widgets/shared/session-client.ts). The
// user's language goes as Accept-Language, so refusals come back in it.
import { ApiError, createSessionClient, type PortalAuth } from '../shared/session-client.js';
import type { ApplicationView, CatalogField, CatalogVersionsView, MovePreviewView } from '../../wire/document-catalog.js';
import type { PackInput, PackView } from '../../wire/document-packs.js';
import type { ScanView } from '../../wire/document-scans.js';
import type { BankView, ValuesView } from '../../wire/documents.js';
import type { BankMessageBody, BankMessageDraftsReply, BankMessageView } from '../../wire/bank-messages.js';

export { ApiError };

export interface DocumentsApi {
  openApplication(): Promise<ApplicationView>;
  catalogVersion(version: number): Promise<CatalogField[]>;
  versions(): Promise<CatalogVersionsView['versions']>;
  values(): Promise<ValuesView>;
  /** bankId null: base values; else that bank's overrides. A null value removes it. */
  saveValues(bankId: string | null, values: Record<string, unknown>): Promise<ValuesView>;
  resetToBase(bankId: string, code: string): Promise<ValuesView>;
  previewMove(to: number): Promise<MovePreviewView>;
  move(fromVersion: number, toVersion: number): Promise<ApplicationView>;
  packs(): Promise<PackView[]>;
  pack(packId: string): Promise<PackView>;
  generatePack(input: PackInput): Promise<PackView>;
  /** Runs a failed document's step again (its job died, or the portal refused it); answers the pack. */
  retryDocument(packId: string, index: number): Promise<PackView>;
  scans(): Promise<ScanView[]>;
  /** The file's bytes under a catalog 'file' field; answers the application's scans. */
  uploadScan(code: string, fileName: string, bytes: Uint8Array): Promise<ScanView[]>;
  deleteScan(scanId: string): Promise<ScanView[]>;
  scanFile(scanId: string): Promise<Blob>;
  /** A generated document (.docx) or its first page as an image; fetched with the session, not a bare link. */
  document(packId: string, index: number, what: 'file' | 'preview'): Promise<Blob>;
  /** The banks directory with each bank's contacts (who the messages go to). */
  bankDirectory(): Promise<BankView[]>;
  /** Each bank's template rendered with the deal, to edit before sending. */
  bankDrafts(bankIds: string[], managerName: string): Promise<BankMessageDraftsReply>;
  sendToBanks(body: BankMessageBody): Promise<BankMessageView[]>;
  bankMessages(): Promise<BankMessageView[]>;
}

export interface DocumentsApiConfig {
  baseUrl: string;
  sessionToken: string;
  dealId: string;
  lang: string;
  portalAuth?: () => Promise<PortalAuth>;
}

export function createDocumentsApi(cfg: DocumentsApiConfig, fetchFn?: typeof fetch): DocumentsApi {
  const { request, requestBlob } = createSessionClient(cfg, fetchFn);
  const deal = `/api/v1/deals/${encodeURIComponent(cfg.dealId)}/documents`;
  const packs = `${deal}/packs`;
  const messages = `/api/v1/deals/${encodeURIComponent(cfg.dealId)}/bank-messages`;
  return {
    openApplication: async () => (await request<{ application: ApplicationView }>('POST', `${deal}/application`)).application,
    catalogVersion: async (v) => (await request<{ fields: CatalogField[] }>('GET', `/api/v1/documents/catalog/versions/${v}`)).fields,
    versions: async () => (await request<CatalogVersionsView>('GET', '/api/v1/documents/catalog/versions')).versions,
    values: () => request<ValuesView>('GET', `${deal}/values`),
    saveValues: (bankId, values) => request<ValuesView>('PUT', `${deal}/values`, bankId === null ? { values } : { bankId, values }),
    resetToBase: (bankId, code) =>
      request<ValuesView>('DELETE', `${deal}/values/banks/${encodeURIComponent(bankId)}/${encodeURIComponent(code)}`),
    previewMove: (to) => request<MovePreviewView>('GET', `${deal}/application/move?to=${to}`),
    move: async (fromVersion, toVersion) =>
      (await request<{ application: ApplicationView }>('POST', `${deal}/application/move`, { fromVersion, toVersion })).application,
    packs: async () => (await request<{ packs: PackView[] }>('GET', packs)).packs,
    pack: async (id) => (await request<{ pack: PackView }>('GET', `${packs}/${encodeURIComponent(id)}`)).pack,
    generatePack: async (input) => (await request<{ pack: PackView }>('POST', packs, input)).pack,
    retryDocument: async (id, index) =>
      (await request<{ pack: PackView }>('POST', `${packs}/${encodeURIComponent(id)}/documents/${index}/retry`)).pack,
    scans: async () => (await request<{ scans: ScanView[] }>('GET', `${deal}/scans`)).scans,
    uploadScan: async (code, fileName, bytes) =>
      (await request<{ scans: ScanView[] }>('POST', `${deal}/scans?${new URLSearchParams({ code, fileName }).toString()}`, bytes)).scans,
    deleteScan: async (id) => (await request<{ scans: ScanView[] }>('DELETE', `${deal}/scans/${encodeURIComponent(id)}`)).scans,
    scanFile: (id) => requestBlob(`${deal}/scans/${encodeURIComponent(id)}/file`),
    document: (id, index, what) => requestBlob(`${packs}/${encodeURIComponent(id)}/documents/${index}/${what}`),
    bankDirectory: async () => (await request<{ banks: BankView[] }>('GET', '/api/v1/documents/banks')).banks,
    bankDrafts: (bankIds, managerName) =>
      request<BankMessageDraftsReply>('POST', `${messages}/drafts`, { bankIds, ...(managerName ? { managerName } : {}) }),
    sendToBanks: async (body) => (await request<{ messages: BankMessageView[] }>('POST', messages, body)).messages,
    bankMessages: async () => (await request<{ messages: BankMessageView[] }>('GET', messages)).messages,
  };
}
