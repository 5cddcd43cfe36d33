import { createHash } from 'node:crypto';

// The reply-token key the .eml fixtures in test/fixtures/mail were written with: their Message-IDs,
// In-Reply-To and +tags verify only under it, for portal FIXTURE_PORTAL.
export const FIXTURE_KEY = createHash('sha256').update('b24-lending mail fixtures').digest();
export const FIXTURE_PORTAL = 'p-fixture';
