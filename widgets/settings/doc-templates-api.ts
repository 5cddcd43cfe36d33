// Document templates per bank with versions (server/routes/api/documents/template-uploads.ts) and the
// banks they belong to (banks.ts). An upload goes as the .docx's bytes (application/octet-stream),
// the settings in the query; the server lints it against the latest published catalog first.
import type { TemplateUpload, TemplateView } from '../../wire/document-templates.js';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';

export interface BankRef {
  id: string;
  name: string;
}

export function createDocTemplatesApi(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    banks: async (): Promise<BankRef[]> =>
      (await client.request<{ banks: BankRef[] }>('GET', '/api/v1/documents/banks')).banks.map((b) => ({ id: b.id, name: b.name })),
    /** Live and archived alike: the screen lists the archived ones apart, with Restore. */
    templates: async (): Promise<TemplateView[]> =>
      (await client.request<{ templates: TemplateView[] }>('GET', '/api/v1/documents/templates?archived=true')).templates,
    archive: async (templateId: string): Promise<TemplateView> =>
      (await client.request<{ template: TemplateView }>('DELETE', `/api/v1/documents/templates/${encodeURIComponent(templateId)}`))
        .template,
    restore: async (templateId: string): Promise<TemplateView> =>
      (await client.request<{ template: TemplateView }>('POST', `/api/v1/documents/templates/${encodeURIComponent(templateId)}/restore`))
        .template,
    /** The deals the template is for, by currency; null: every deal. */
    setCurrencies: async (templateId: string, dealCurrencies: string[] | null): Promise<TemplateView> =>
      (
        await client.request<{ template: TemplateView }>(
          'PUT',
          `/api/v1/documents/templates/${encodeURIComponent(templateId)}/deal-currencies`,
          { dealCurrencies },
        )
      ).template,
    /** The same bank and name again is the template's next version; identical bytes store nothing twice. */
    upload: (q: TemplateUpload, bytes: Uint8Array) => {
      const query = new URLSearchParams({
        fileName: q.fileName,
        name: q.name,
        kind: q.kind,
        lang: q.lang,
        ...(q.bankId ? { bankId: q.bankId } : {}),
        ...(q.dealCurrencies ? { dealCurrencies: q.dealCurrencies } : {}),
      });
      return client.request<{ template: TemplateView; created: boolean }>('POST', `/api/v1/documents/templates/file?${query}`, bytes);
    },
  };
}

export type DocTemplatesApi = ReturnType<typeof createDocTemplatesApi>;
