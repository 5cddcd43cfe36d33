import type { FastifyInstance } from 'fastify';

type Headers = Record<string, string>;

/** Catalog fields in the shape the draft route takes, labelled in the three languages. */
export const catalogLabels = (en: string) => ({ en, ru: `${en} ru`, es: `${en} es` });

/**
 * A deal with a document application through the routes, as a portal would have it: the admin
 * drafts and publishes the catalog, the deal's user opens the application (pinned to that version).
 */
export async function openDocumentApplication(
  app: FastifyInstance,
  o: { admin: Headers; user: Headers; dealId: number; fields: readonly Record<string, unknown>[] },
): Promise<void> {
  const steps = [
    { method: 'PUT', url: '/api/v1/documents/catalog/draft', headers: o.admin, payload: { fields: o.fields } },
    { method: 'POST', url: '/api/v1/documents/catalog/publish', headers: o.admin },
    { method: 'POST', url: `/api/v1/deals/${o.dealId}/documents/application`, headers: o.user },
  ] as const;
  for (const step of steps) {
    const r = await app.inject(step);
    if (r.statusCode !== 200) throw new Error(`${step.method} ${step.url}: ${r.statusCode} ${r.body}`);
  }
}
