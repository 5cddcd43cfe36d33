import { readFileSync } from 'node:fs';
import type { Db } from '../../../server/db/database.js';
import { MailboxReader, type MailboxReaderOptions } from '../../../server/mail/inbox/mailbox-reader.js';
import { makeMessageId, replyToAddress } from '../../../server/mail/reply-token.js';
import type { ReplyContext } from '../../../server/mail/understand.js';
import type { Dovecot } from './dovecot-rig.js';
import { FIXTURE_KEY, FIXTURE_PORTAL } from './fixture-key.js';

// Shared by the mail tests and bench/mail.bench.ts: a reader on the rig's mailbox for the fixture
// portal, and numbered replies in one deal's thread each (Gmail, es, "aprobado, 150 000").

export function readerOn(
  dovecot: Dovecot,
  db: Db,
  context: Omit<ReplyContext, 'portalId' | 'tokenKey'>,
  o: Partial<MailboxReaderOptions> & { user?: string } = {},
): MailboxReader {
  return new MailboxReader({
    db: db.kysely,
    dialect: db.dialect,
    account: { host: '127.0.0.1', port: dovecot.imapPort, secure: false, user: o.user ?? dovecot.user, pass: dovecot.pass },
    context: { portalId: FIXTURE_PORTAL, tokenKey: FIXTURE_KEY, ...context },
    log: { info: () => undefined, warn: () => undefined },
    ...o,
  });
}

const TEMPLATE = readFileSync(new URL('../../fixtures/mail/reply-gmail-es-approved.eml', import.meta.url), 'latin1');

/** Reply number i, to deal 1000 + i, bank banco-norte: its own Message-ID, our signed ids and token. */
export function numberedReply(i: number): Buffer {
  const target = { portalId: FIXTURE_PORTAL, dealId: 1000 + i, bankId: 'banco-norte' };
  const ours = makeMessageId(FIXTURE_KEY, target, 'lender.example');
  const text = TEMPLATE.replace(/^(In-Reply-To|References): .*$/gm, `$1: ${ours}`)
    .replace(/^Message-ID: .*$/m, `Message-ID: <reply-${i}@mail.gmail.com>`)
    .replace(/^To: .*$/m, `To: Lender Approvals <${replyToAddress(FIXTURE_KEY, target, 'approvals@lender.example')}>`)
    .replace(/Solicitud 456/g, `Solicitud ${1000 + i}`);
  return Buffer.from(text, 'latin1');
}
