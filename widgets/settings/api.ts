// The products API (server/routes/api/products): anyone with a session reads the active products,
// only administrators read inactive ones and write. Inside the portal the page carries a bearer
// session that renews itself through the frame when it expires (widgets/shared/session-client.ts);
// outside it (/admin/products) the browser sends the session cookie on same-origin calls and an
// expired sign-in is the caller's to report (the user signs in again).
import { ApiError, createSessionClient, type SessionClientConfig } from '../shared/session-client.js';
import type { Product } from './product.js';

export { ApiError };

export type ApiConfig = SessionClientConfig;

export function createProductsApi(cfg: ApiConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  return {
    async list(includeInactive: boolean): Promise<Product[]> {
      const r = await client.request<{ products: Product[] }>('GET', `/api/v1/products${includeInactive ? '?includeInactive=true' : ''}`);
      return r.products;
    },
    /** PUT is a full replace by id: repeating it after a renewal stores the same product. */
    async put(p: Product): Promise<Product> {
      const r = await client.request<{ product: Product }>('PUT', `/api/v1/products/${encodeURIComponent(p.id)}`, p);
      return r.product;
    },
  };
}

export type ProductsApi = ReturnType<typeof createProductsApi>;
