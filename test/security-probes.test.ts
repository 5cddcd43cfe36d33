import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, type UserAuth } from '../emulator/index.js';
import { createSessionSigner } from '../server/security/session.js';
import { saveProviderSettings } from '../server/settings/settings-repo.js';
import { upsertProduct } from '../server/products/product-repo.js';
import { installInto, startPlatform, TEST_CLIENT, type Platform } from './support/portal-harness.js';

// Security probes, by class: each probe is an attack over HTTP against the running app with two real
// portals (A and B, one OAuth server). A probe is refused when the app answers 4xx and nothing it
// must protect changed or leaked. Every class prints how many probes it tried and how many were
// refused, and fails on any acceptance or any 5xx. Hostile-body fuzzing lives elsewhere.

interface Outcome {
  status: number;
  /** Something the probe must not reach was read or changed (checked by the probe itself). */
  leaked?: boolean;
  /** Probes whose 2xx is legitimate (the caller acts on their own portal) set this; the leak check decides. */
  okIfNoLeak?: boolean;
}
interface Probe {
  name: string;
  run(): Promise<Outcome>;
}

async function runClass(cls: string, probes: Probe[]): Promise<void> {
  const failures: string[] = [];
  for (const probe of probes) {
    const o = await probe.run();
    const statusOk = o.okIfNoLeak ? o.status < 500 : o.status >= 400 && o.status < 500;
    if (!statusOk || o.leaked) failures.push(`${probe.name} → ${o.status}${o.leaked ? ' (leaked)' : ''}`);
  }
  console.log(`[security-probes] ${cls}: ${probes.length} tried, ${probes.length - failures.length} refused`);
  expect(failures, cls).toEqual([]);
}

let p: Platform;
let emB: Emulator;
let portalA: string;
let portalB: string;
let employeeA: number;

const postForm = (url: string, body: Record<string, string>) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

const lifecycle = (
  event: string,
  auth: Partial<UserAuth> & { memberId: string },
  o: { applicationToken?: string; refreshToken?: string } = {},
) => {
  const body: Record<string, string> = { event, 'data[VERSION]': '2', 'data[LANGUAGE_ID]': 'en', 'auth[member_id]': auth.memberId };
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined) body[`auth[${k}]`] = v;
  };
  put('access_token', auth.accessToken);
  put('refresh_token', o.refreshToken ?? auth.refreshToken);
  put('domain', auth.domain);
  put('client_endpoint', auth.clientEndpoint);
  put('server_endpoint', auth.serverEndpoint);
  put('application_token', o.applicationToken ?? auth.applicationToken);
  if (event === 'ONAPPUNINSTALL') body['data[CLEAN]'] = '1';
  return postForm(`${p.a.url}/install/callback`, body);
};

/** What an attack on the install must leave alone: both portals' secrets, status and installer. */
async function installState() {
  return p.db.kysely
    .selectFrom('portals')
    .select([
      'id',
      'access_token_enc',
      'refresh_token_enc',
      'application_token_hash',
      'status',
      'domain',
      'client_endpoint',
      'installer_user_id',
    ])
    .orderBy('id')
    .execute();
}

const productB = {
  id: 'b-secret',
  name: 'B only',
  method: 'annuity',
  rateUnit: 'annual' as const,
  rateMin: '12',
  rateMax: '30',
  termMin: 6,
  termMax: 24,
  amountMin: '10000',
  amountMax: '500000',
  currency: 'MXN',
  fees: [],
  dayCount: 'actual/365',
  profile: null,
  active: true,
};

beforeAll(async () => {
  p = await startPlatform({ oauthHub: true });
  portalA = await p.install();
  emB = await createEmulator({ ...TEST_CLIENT, rateLimit: false });
  portalB = await installInto(emB, p.a, p.db);
  employeeA = p.em.addUser().id;
  await upsertProduct(p.db.kysely, portalB, productB, new Date().toISOString());
  await saveProviderSettings(p.db.kysely, p.a.app.secrets, portalB, 'sms', {
    provider: 'smpp',
    settings: { host: 'b-smsc.example', port: 2775, systemId: 'lender-b', password: 'pw-b', sourceAddr: 'LENDERB' },
    userId: 1,
  });
});

afterAll(async () => {
  await emB?.close();
  await p?.close();
});

describe('security probes', () => {
  it('forged lifecycle calls: every path, non-admin token, wrong application_token, garbage refresh token', async () => {
    const before = await installState();
    const admin = () => p.em.issueUserToken(1);
    const employee = () => p.em.issueUserToken(employeeA);
    const frame = (userId: number, body: Record<string, string> = {}) => {
      const f = p.em.frameRequest(`${p.a.url}/install`, { userId });
      return postForm(f.url, { ...f.body, ...body });
    };
    const status = async (r: Promise<Response>) => ({ status: (await r).status });
    await runClass('forged lifecycle', [
      { name: 'install frame POST by an employee', run: () => status(frame(employeeA)) },
      {
        name: 'install frame POST by an employee, own APPLICATION_TOKEN',
        run: () => status(frame(employeeA, { APPLICATION_TOKEN: 'evil' })),
      },
      { name: 'install frame POST by an admin, garbage REFRESH_ID', run: () => status(frame(1, { REFRESH_ID: 'garbage' })) },
      { name: 'ONAPPINSTALL by an employee', run: () => status(lifecycle('ONAPPINSTALL', employee())) },
      {
        name: 'ONAPPINSTALL by an employee, own application_token',
        run: () => status(lifecycle('ONAPPINSTALL', employee(), { applicationToken: 'evil' })),
      },
      {
        name: 'ONAPPINSTALL by an admin, garbage refresh token',
        run: () => status(lifecycle('ONAPPINSTALL', admin(), { refreshToken: 'garbage' })),
      },
      { name: 'ONAPPUPDATE by an employee', run: () => status(lifecycle('ONAPPUPDATE', employee())) },
      {
        name: 'ONAPPUPDATE by an employee, own application_token',
        run: () => status(lifecycle('ONAPPUPDATE', employee(), { applicationToken: 'evil' })),
      },
      {
        name: 'ONAPPUPDATE by an admin, garbage refresh token',
        run: () => status(lifecycle('ONAPPUPDATE', admin(), { refreshToken: 'garbage' })),
      },
      {
        name: 'ONAPPUPDATE for an unknown member_id',
        run: () => status(lifecycle('ONAPPUPDATE', { ...admin(), memberId: 'ghost-member' })),
      },
      {
        name: "ONAPPINSTALL for portal A's member_id with portal B's admin tokens and domain",
        run: () => status(lifecycle('ONAPPINSTALL', { ...emB.issueUserToken(1), memberId: p.em.memberId })),
      },
      {
        name: "ONAPPINSTALL for a new member_id with portal B's real tokens (the OAuth server names B)",
        run: () => status(lifecycle('ONAPPINSTALL', { ...emB.issueUserToken(1), memberId: 'new-member-0001' })),
      },
      {
        name: 'ONAPPINSTALL for a new member_id with a token no OAuth server issued',
        run: () => status(lifecycle('ONAPPINSTALL', { ...admin(), memberId: 'new-member-0002', accessToken: 'minted-by-a-fake-portal' })),
      },
      {
        name: 'ONAPPUNINSTALL with a wrong application_token',
        run: () => status(lifecycle('ONAPPUNINSTALL', { memberId: p.em.memberId, domain: p.em.domain }, { applicationToken: 'evil' })),
      },
      {
        name: "ONAPPUNINSTALL for A with portal B's application_token",
        run: () =>
          status(
            lifecycle(
              'ONAPPUNINSTALL',
              { memberId: p.em.memberId, domain: p.em.domain },
              { applicationToken: emB.state.app!.applicationToken },
            ),
          ),
      },
      {
        name: 'ONAPPUNINSTALL with the real application_token while the app is installed (every user receives it)',
        run: () =>
          status(
            lifecycle(
              'ONAPPUNINSTALL',
              { memberId: p.em.memberId, domain: p.em.domain },
              { applicationToken: p.em.state.app!.applicationToken },
            ),
          ),
      },
      { name: 'ONAPPUNINSTALL without application_token', run: () => status(lifecycle('ONAPPUNINSTALL', { memberId: p.em.memberId })) },
    ]);
    expect(await installState()).toEqual(before);
    // The real portal's events are still accepted after all of it.
    const r = await postForm(`${p.a.url}/events`, {
      event: 'ONCRMDEALUPDATE',
      'data[FIELDS][ID]': '3',
      ts: '1700000000',
      'auth[member_id]': p.em.memberId,
      'auth[application_token]': p.em.state.app!.applicationToken,
    });
    expect(r.status).toBe(200);
  });

  it("cross-portal ids: portal A's tokens, sessions and ids used against portal B's rows", async () => {
    const sA = p.a.app.sessions.issue({ portalId: portalA, userId: 1, isAdmin: true });
    const asA = (method: string, url: string, body?: unknown) =>
      p.a.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${sA}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { payload: JSON.stringify(body) } : {}),
      });
    const productOfB = () =>
      p.db.kysely
        .selectFrom('loan_products')
        .select(['name', 'active'])
        .where('portal_id', '=', portalB)
        .where('id', '=', 'b-secret')
        .executeTakeFirst();
    const event = (memberId: string, applicationToken: string) =>
      postForm(`${p.a.url}/events`, {
        event: 'ONCRMDEALUPDATE',
        'data[FIELDS][ID]': '4',
        ts: '1700000001',
        'auth[member_id]': memberId,
        'auth[application_token]': applicationToken,
      });
    await runClass('cross-portal ids', [
      {
        name: "event for B's member_id with A's application_token",
        run: async () => ({ status: (await event(emB.memberId, p.em.state.app!.applicationToken)).status }),
      },
      {
        name: "event for A's member_id with B's application_token",
        run: async () => ({ status: (await event(p.em.memberId, emB.state.app!.applicationToken)).status }),
      },
      {
        name: "placement POST with A's user token naming B's member_id and domain",
        run: async () => {
          const f = p.em.frameRequest(`${p.a.url}/placements/settings`, { userId: 1 });
          const url = new URL(f.url);
          url.searchParams.set('DOMAIN', emB.domain);
          return { status: (await postForm(url.toString(), { ...f.body, member_id: emB.memberId })).status };
        },
      },
      {
        name: "A's session lists products (B's must not show)",
        run: async () => {
          const r = await asA('GET', '/api/v1/products?includeInactive=true');
          return { status: r.statusCode, okIfNoLeak: true, leaked: r.body.includes('b-secret') || r.body.includes('B only') };
        },
      },
      {
        name: "A's session writes a product under B's product id (B's row must not change)",
        run: async () => {
          const r = await asA('PUT', '/api/v1/products/b-secret', { ...productB, name: 'Overwritten by A' });
          return { status: r.statusCode, okIfNoLeak: true, leaked: (await productOfB())?.name !== 'B only' };
        },
      },
      {
        name: "A's session replaces its product list (B's products must stay active)",
        run: async () => {
          const r = await asA('PUT', '/api/v1/products', { products: [] });
          return { status: r.statusCode, okIfNoLeak: true, leaked: Number((await productOfB())?.active) !== 1 };
        },
      },
      {
        name: "A's session reads provider settings (B's must not show)",
        run: async () => {
          const r = await asA('GET', '/api/v1/settings/providers');
          return { status: r.statusCode, okIfNoLeak: true, leaked: r.body.includes('b-smsc.example') || r.body.includes('lender-b') };
        },
      },
      {
        name: "A's session reads the admin portal view (must be A, not B)",
        run: async () => {
          const r = await asA('GET', '/admin/portal');
          return { status: r.statusCode, okIfNoLeak: true, leaked: r.body.includes(emB.memberId) };
        },
      },
    ]);
  });

  it('forged placement POST: bad AUTH_ID, member_id mismatch, unknown portal, foreign domain', async () => {
    const probes: Probe[] = [];
    for (const path of [
      '/placements/loan-tab',
      '/placements/settings',
      '/placements/call-script',
      '/placements/calculator',
      '/placements/documents-tab',
    ]) {
      const f = () =>
        p.em.frameRequest(`${p.a.url}${path}`, { userId: 1, placement: 'CRM_DEAL_DETAIL_TAB', placementOptions: { ID: '1' } });
      const send = async (body: Record<string, string>, url?: string) => {
        const x = f();
        return { status: (await postForm(url ?? x.url, { ...x.body, ...body })).status };
      };
      probes.push(
        { name: `${path}: AUTH_ID the portal never issued`, run: () => send({ AUTH_ID: 'forged-auth-id' }) },
        { name: `${path}: member_id of portal B with A's token`, run: () => send({ member_id: emB.memberId }) },
        { name: `${path}: unknown member_id`, run: () => send({ member_id: 'nobody-0001' }) },
        { name: `${path}: empty AUTH_ID`, run: () => send({ AUTH_ID: '' }) },
        {
          name: `${path}: foreign DOMAIN`,
          run: () => {
            const url = new URL(f().url);
            url.searchParams.set('DOMAIN', 'evil.example.com');
            return send({}, url.toString());
          },
        },
      );
    }
    await runClass('forged placement POST', probes);
  });

  it('session tampering: altered payload, forged signature, expired', async () => {
    const employeeSession = p.a.app.sessions.issue({ portalId: portalA, userId: employeeA, isAdmin: false });
    const [payload, sig] = employeeSession.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const reencode = (c: Record<string, unknown>) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const expired = createSessionSigner(p.a.config.SESSION_SECRET, 900, () => Date.now() - 3600_000).issue({
      portalId: portalA,
      userId: 1,
      isAdmin: true,
    });
    const otherKey = createSessionSigner('another-secret-0123456789abcdef').issue({ portalId: portalA, userId: 1, isAdmin: true });
    await runClass(
      'session tampering',
      sessionProbes([
        ['altered payload: admin flag raised', `${reencode({ ...claims, isAdmin: true })}.${sig}`],
        ['altered payload: portal swapped to B', `${reencode({ ...claims, portalId: portalB, isAdmin: true })}.${sig}`],
        ['altered payload: expiry pushed out', `${reencode({ ...claims, exp: Number(claims.exp) + 86_400 })}.${sig}`],
        ['expired session', expired],
        ['signed with another key', otherKey],
        ['signature missing', `${payload}.`],
        ['no separator', payload],
        ['signature truncated', `${payload}.${sig.slice(0, 32)}`],
      ]),
    );
  });

  it('session tampering: the signature must be exactly the lower-case hex it was issued with', async () => {
    const adminSession = p.a.app.sessions.issue({ portalId: portalA, userId: 1, isAdmin: true });
    const [payload, sig] = adminSession.split('.') as [string, string];
    // Buffer.from(hex) accepts upper case and stops at the first non-hex character, so a lenient
    // comparison verified all of these; safeEqualHex (server/security/crypto.ts) now refuses them.
    await runClass(
      'session tampering (hex)',
      sessionProbes([
        ['upper-case hex signature', `${payload}.${sig.toUpperCase()}`],
        ['trailing garbage after the signature', `${payload}.${sig}zz`],
        ['trailing odd hex digit', `${payload}.${sig}a`],
      ]),
    );
  });
});

/** Each token against an admin-only and an any-session route; refused = 401/403 on both. */
function sessionProbes(tokens: [string, string][]): Probe[] {
  return tokens.flatMap(([name, token]) =>
    ['/admin/portal', '/api/v1/products'].map((url) => ({
      name: `${name} → GET ${url}`,
      run: async () => ({
        status: (await p.a.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })).statusCode,
      }),
    })),
  );
}
