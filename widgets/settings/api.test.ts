import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, fakeSessionServer } from '../../test/fakes/session-server.js';
import { RENEW_PATH } from '../shared/session-client.js';
import { ApiError, createProductsApi } from './api.js';
import type { Product } from './product.js';

// The settings screen's products API over the shared session client: in the portal an expired
// session renews through the frame and the product is stored; outside it (cookie) the 401 stays.
const auth = { accessToken: 'fresh', memberId: 'm', domain: 'https://portal.test' };
const product = { id: 'p1', name: 'Consumer', rateMin: '10', rateMax: '20' } as Product;
const stores = (path: string, body: unknown) =>
  path.startsWith('/api/v1/products/') ? { status: 200, json: { product: body } } : { status: 200, json: { products: [product] } };

describe('settings products api', () => {
  it('in the portal: an admin saving after the session expired saves through one renewal', async () => {
    const s = fakeSessionServer({ answer: stores });
    const api = createProductsApi({ baseUrl: APP_ORIGIN, sessionToken: 't1', portalAuth: async () => auth }, s.fetchFn);
    expect(await api.put(product)).toEqual(product);
    expect(s.trail()).toEqual([
      ['/api/v1/products/p1', 't1'],
      [RENEW_PATH, 't1'],
      ['/api/v1/products/p1', 't2'],
    ]);
    expect(s.seen[2]).toMatchObject({ method: 'PUT', body: product });
    expect(await api.list(true)).toEqual([product]);
    expect(s.seen.at(-1)).toMatchObject({ path: '/api/v1/products?includeInactive=true', bearer: 't2' });
  });

  it('outside the portal (cookie session, no frame): no bearer, no renewal, the 401 reaches the screen', async () => {
    const s = fakeSessionServer({ answer: stores });
    const api = createProductsApi({ baseUrl: '', sessionToken: null }, s.fetchFn);
    const e = await api.put(product).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 401, code: 'SESSION_INVALID' });
    expect(s.seen).toHaveLength(1);
    expect(s.seen[0]).toMatchObject({ bearer: null, credentials: 'same-origin' });
  });
});
