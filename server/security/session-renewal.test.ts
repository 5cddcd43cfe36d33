import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../errors.js';
import { parseDealOrigin } from './deal-origin.js';
import { DEAL_CREATE_SKEW_SEC, RENEW_GRACE_SEC, renewSession, type DealOrigin, type RenewalDeps } from './session-renewal.js';
import { createSessionSigner } from './session.js';
import type { UserTokenClaim } from './verify.js';

// The renewal rules with a real signer and a fake portal: who the access token belongs to, and
// what crm.deal.get says when asked with it.
const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);
const frame: UserTokenClaim = { accessToken: 'user-token', memberId: 'm-a', domain: 'https://a.bitrix24.com' };

function rig(o: { user?: { portalId: string; userId: number; isAdmin?: boolean }; deal?: DealOrigin | null } = {}) {
  let now = T0;
  const sessions = createSessionSigner('k'.repeat(32), 900, () => now);
  const readDealAsUser = vi.fn(async (_p: string, _t: string, _d: number) => o.deal ?? null);
  const deps: RenewalDeps = {
    sessions,
    verifyUser: async (claim) => {
      if (claim.accessToken !== 'user-token') throw new AppError('PLACEMENT_AUTH_FAILED', 'portal rejected the token');
      return { isAdmin: false, ...(o.user ?? { portalId: 'pa', userId: 7 }) };
    },
    readDealAsUser,
  };
  return {
    sessions,
    deps,
    readDealAsUser,
    advance: (sec: number) => {
      now += sec * 1000;
    },
    nowMs: () => now,
  };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, status: e.status };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('renewSession', () => {
  it('renews an expired tab session for the same portal, user and deal', async () => {
    const r = rig();
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: true });
    r.advance(3600);
    expect(r.sessions.verify(old)).toBeNull();
    const { token, session } = await renewSession(r.deps, { token: old, frame });
    expect(session).toMatchObject({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    expect(session.exp).toBe(Math.floor(r.nowMs() / 1000) + 900);
    expect(r.sessions.verify(token)).toEqual(session);
    expect(r.readDealAsUser).not.toHaveBeenCalled();
  });

  it('asking for its own deal again is a plain renewal', async () => {
    const r = rig();
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    const { session } = await renewSession(r.deps, { token: old, frame, dealId: 42 });
    expect(session.dealId).toBe(42);
    expect(r.readDealAsUser).not.toHaveBeenCalled();
  });

  it('refuses a forged or tampered token', async () => {
    const r = rig();
    const forged = createSessionSigner('z'.repeat(32), 900).issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: true });
    expect(await refusal(renewSession(r.deps, { token: forged, frame }))).toEqual({ code: 'SESSION_INVALID', status: 401 });
    const real = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    const [payload, sig] = real.split('.');
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), dealId: 43 })).toString(
      'base64url',
    );
    expect(await refusal(renewSession(r.deps, { token: `${other}.${sig}`, frame }))).toEqual({ code: 'SESSION_INVALID', status: 401 });
  });

  it('refuses a session expired beyond the grace; normal verification stays strict', async () => {
    const r = rig();
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    r.advance(900 + RENEW_GRACE_SEC - 1);
    expect(r.sessions.verify(old)).toBeNull();
    expect(r.sessions.verify(old, { expiredGraceSec: RENEW_GRACE_SEC })).not.toBeNull();
    r.advance(2);
    expect(r.sessions.verify(old, { expiredGraceSec: 10 * RENEW_GRACE_SEC })).toBeNull(); // grace is capped
    expect(await refusal(renewSession(r.deps, { token: old, frame }))).toEqual({ code: 'SESSION_INVALID', status: 401 });
  });

  it('refuses when the portal rejects the access token', async () => {
    const r = rig();
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, isAdmin: false });
    const bad = { ...frame, accessToken: 'stolen-or-stale' };
    expect(await refusal(renewSession(r.deps, { token: old, frame: bad }))).toEqual({ code: 'PLACEMENT_AUTH_FAILED', status: 401 });
  });

  it('refuses another user of the same portal', async () => {
    const r = rig({ user: { portalId: 'pa', userId: 8 } });
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    expect(await refusal(renewSession(r.deps, { token: old, frame }))).toEqual({ code: 'SESSION_USER_MISMATCH', status: 403 });
  });

  it('refuses a frame token of another portal', async () => {
    const r = rig({ user: { portalId: 'pb', userId: 7 } });
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    expect(await refusal(renewSession(r.deps, { token: old, frame }))).toEqual({ code: 'SESSION_PORTAL_MISMATCH', status: 403 });
  });

  it('never re-binds a bound session to another deal', async () => {
    const r = rig({ deal: { id: 43, createdById: 7, createdAtMs: T0 + 60_000 } });
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, dealId: 42, isAdmin: false });
    r.advance(120);
    expect(await refusal(renewSession(r.deps, { token: old, frame, dealId: 43 }))).toEqual({ code: 'SESSION_ALREADY_BOUND', status: 403 });
    expect(r.readDealAsUser).not.toHaveBeenCalled();
  });
});

describe('renewing the settings screen and other sessions without a deal', () => {
  // The settings page (DEFAULT placement) carries an admin session with no deal; its admin rights
  // must come from the portal at every renewal, never from the old token.
  it('an admin session stays admin while the portal still says so, and stays without a deal', async () => {
    const r = rig({ user: { portalId: 'pa', userId: 7, isAdmin: true } });
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, isAdmin: true });
    r.advance(900 + 60);
    const { token, session } = await renewSession(r.deps, { token: old, frame });
    expect(session).toMatchObject({ portalId: 'pa', userId: 7, isAdmin: true });
    expect(session).not.toHaveProperty('dealId');
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).not.toHaveProperty('dealId');
    expect(r.readDealAsUser).not.toHaveBeenCalled();
  });

  it('an admin who lost admin rights in the portal gets a plain user session back', async () => {
    const r = rig({ user: { portalId: 'pa', userId: 7, isAdmin: false } });
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, isAdmin: true });
    r.advance(900 + 60);
    const { session } = await renewSession(r.deps, { token: old, frame });
    expect(session.isAdmin).toBe(false);
  });

  it('a user made admin since gets admin rights only because the portal says so now', async () => {
    const r = rig({ user: { portalId: 'pa', userId: 7, isAdmin: true } });
    const { session } = await renewSession(r.deps, { token: r.sessions.issue({ portalId: 'pa', userId: 7, isAdmin: false }), frame });
    expect(session.isAdmin).toBe(true);
  });

  it('an admin session is still refused for another user of the same portal, even an admin', async () => {
    const r = rig({ user: { portalId: 'pa', userId: 8, isAdmin: true } });
    const old = r.sessions.issue({ portalId: 'pa', userId: 7, isAdmin: true });
    expect(await refusal(renewSession(r.deps, { token: old, frame }))).toEqual({ code: 'SESSION_USER_MISMATCH', status: 403 });
  });
});

describe('binding a calculator session to its new deal', () => {
  const calculator = (r: ReturnType<typeof rig>) => r.sessions.issue({ portalId: 'pa', userId: 7, isAdmin: false });

  it('binds to a deal this user created after the session began, reading it with the user token', async () => {
    const r = rig({ deal: { id: 99, createdById: 7, createdAtMs: T0 + 5 * 60_000 } });
    const old = calculator(r);
    r.advance(20 * 60); // the calculator session itself has expired meanwhile
    const { session } = await renewSession(r.deps, { token: old, frame, dealId: 99 });
    expect(session).toMatchObject({ portalId: 'pa', userId: 7, dealId: 99 });
    expect(r.readDealAsUser).toHaveBeenCalledWith('pa', 'user-token', 99);
  });

  it('tolerates a small clock skew between us and the portal', async () => {
    const r = rig({ deal: { id: 99, createdById: 7, createdAtMs: T0 - (DEAL_CREATE_SKEW_SEC - 1) * 1000 } });
    const { session } = await renewSession(r.deps, { token: calculator(r), frame, dealId: 99 });
    expect(session.dealId).toBe(99);
  });

  it('refuses a deal created by someone else', async () => {
    const r = rig({ deal: { id: 99, createdById: 1, createdAtMs: T0 + 60_000 } });
    expect(await refusal(renewSession(r.deps, { token: calculator(r), frame, dealId: 99 }))).toEqual({
      code: 'DEAL_BIND_DENIED',
      status: 403,
    });
  });

  it('refuses a deal created before the session', async () => {
    const r = rig({ deal: { id: 99, createdById: 7, createdAtMs: T0 - (DEAL_CREATE_SKEW_SEC + 60) * 1000 } });
    expect(await refusal(renewSession(r.deps, { token: calculator(r), frame, dealId: 99 }))).toEqual({
      code: 'DEAL_BIND_DENIED',
      status: 403,
    });
  });

  it('refuses a deal the user cannot read (or that does not exist)', async () => {
    const r = rig({ deal: null });
    expect(await refusal(renewSession(r.deps, { token: calculator(r), frame, dealId: 99 }))).toEqual({
      code: 'DEAL_BIND_DENIED',
      status: 403,
    });
  });

  it('refuses when the portal answers for a different deal id', async () => {
    const r = rig({ deal: { id: 98, createdById: 7, createdAtMs: T0 + 60_000 } });
    expect(await refusal(renewSession(r.deps, { token: calculator(r), frame, dealId: 99 }))).toEqual({
      code: 'DEAL_BIND_DENIED',
      status: 403,
    });
  });
});

describe('parseDealOrigin', () => {
  it('reads the documented crm.deal.get fields, offset included', () => {
    expect(parseDealOrigin({ ID: '410', CREATED_BY_ID: '1', DATE_CREATE: '2024-08-30T14:29:00+02:00' })).toEqual({
      id: 410,
      createdById: 1,
      createdAtMs: Date.UTC(2024, 7, 30, 12, 29, 0),
    });
  });

  it('is null when a field is missing or malformed', () => {
    expect(parseDealOrigin({ ID: '410', DATE_CREATE: '2024-08-30T14:29:00+02:00' })).toBeNull();
    expect(parseDealOrigin({ ID: '410', CREATED_BY_ID: '1', DATE_CREATE: 'yesterday' })).toBeNull();
    expect(parseDealOrigin(null)).toBeNull();
  });
});
