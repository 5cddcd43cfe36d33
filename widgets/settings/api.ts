// The products API (server/routes/api/products): anyone with a session reads the active products,
// only administrators read inactive ones and write. Inside the portal the page carries a bearer
// session; outside it (/admin/products) the browser sends the session cookie on same-origin calls.
import type { Product } from './product.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface ApiConfig {
  baseUrl: string;
  sessionToken: string | null;
}

export function createProductsApi(cfg: ApiConfig, fetchFn: typeof fetch = (i, init) => fetch(i, init)) {
  async function request<T>(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (cfg.sessionToken) headers.authorization = `Bearer ${cfg.sessionToken}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetchFn(`${cfg.baseUrl}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = {};
    }
    if (!res.ok) {
      const details = json.details && typeof json.details === 'object' ? (json.details as Record<string, unknown>) : {};
      throw new ApiError(res.status, String(json.error ?? `HTTP_${res.status}`), String(json.message ?? res.statusText), details);
    }
    return json as T;
  }
  return {
    async list(includeInactive: boolean): Promise<Product[]> {
      const r = await request<{ products: Product[] }>('GET', `/api/v1/products${includeInactive ? '?includeInactive=true' : ''}`);
      return r.products;
    },
    async put(p: Product): Promise<Product> {
      const r = await request<{ product: Product }>('PUT', `/api/v1/products/${encodeURIComponent(p.id)}`, p);
      return r.product;
    },
  };
}

export type ProductsApi = ReturnType<typeof createProductsApi>;
