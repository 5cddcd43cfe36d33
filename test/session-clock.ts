import { TEST_ENV } from './support/portal-harness.js';
import { createSessionSigner, type SessionClaims, type SessionSigner } from '../server/security/session.js';

// Widget sessions that expire when the test says so. SESSION_TTL_SEC has a 60 s floor in the config,
// and even a 2-second session cost 3 s of real waiting per expiry. Instead the app's signer (shared by
// the placement POST, the renewal route and /auth/callback) is pointed at a signer with the same secret
// that reads a clock the test moves: expire() puts it past the sessions' life, exactly as if the time
// had passed for the server. The widget only learns of expiry from the server's 401, so its path is the
// same as after a real wait.

export interface SessionClock {
  /** Moves the server's clock past the life of every session issued so far. */
  expire(): void;
}

export function sessionsOnTestClock(
  sessions: SessionSigner,
  o: { ttlSec: number; onIssue?: (claims: SessionClaims) => void; short?: () => boolean },
): SessionClock {
  let skewMs = 0;
  const shifted = createSessionSigner(TEST_ENV.SESSION_SECRET, 900, () => Date.now() + skewMs);
  sessions.issue = (claims) => {
    o.onIssue?.(claims);
    return shifted.issue((o.short?.() ?? true) ? { ...claims, ttlSec: o.ttlSec } : claims);
  };
  sessions.verify = (token, opts) => shifted.verify(token, opts);
  return {
    expire: () => {
      skewMs += (o.ttlSec + 1) * 1000;
    },
  };
}
