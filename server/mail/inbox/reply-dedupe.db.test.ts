import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { createTestDb } from '../../../test/support/test-db.js';
import { dnsTable, type DnsTable } from '../../../test/support/mail/dns-table.js';
import { FIXTURE_KEY, FIXTURE_PORTAL } from '../../../test/support/mail/fixture-key.js';
import { queueReplyFollowUp } from '../apply/queue-follow-up.js';
import { MAIL_REPLY_JOB } from '../apply/kinds.js';
import { understandReply, type ReplyContext } from '../understand.js';
import { claimInbound, completeInbound, mailboxCursor, recordListed } from './inbox-repo.js';
import { replyRow } from './reply-row.js';

// Issue 16 trust: a forged copy under the real reply's Message-ID must not shadow the real one, while
// the same reply delivered again still counts once. Each delivery goes the reader's way: a claimed
// UID → understandReply → replyRow → completeInbound + the follow-up, in one transaction.

const P = FIXTURE_PORTAL;
const REAL = readFileSync(new URL('../../../test/fixtures/mail/reply-gmail-es-approved.eml', import.meta.url));
const FORGED = readFileSync(new URL('../../../test/fixtures/mail/forged-copy-gmail-es-approved.eml', import.meta.url));

let dns: DnsTable;
let ctx: ReplyContext;
beforeAll(() => {
  dns = dnsTable(['banco-norte.example', 'forger.example']);
  ctx = {
    portalId: P,
    tokenKey: FIXTURE_KEY,
    forwarders: [],
    policyFor: (b) =>
      b === 'banco-norte'
        ? { bankId: b, allowedSenders: ['@banco-norte.example'], authentication: 'dmarc', band: { min: '0.5', max: '1' } }
        : null,
    requestFor: () => ({ amount: new Decimal(150_000), currency: 'MXN' }),
    resolver: dns.resolver,
  };
});

describe('reply dedupe by Message-ID and who vouches for it', () => {
  let d: Db;
  let uid = 0;
  beforeEach(async () => {
    d = await createTestDb();
    uid = 0;
    await mailboxCursor(d.kysely, P, 'INBOX', '1');
  });
  afterEach(async () => {
    await d.close();
  });

  const deliver = async (raw: Buffer) => {
    await recordListed(d.kysely, P, 'INBOX', '1', [++uid]);
    const [c] = await claimInbound(d.kysely, d.dialect, { portalId: P, mailbox: 'INBOX', workerId: 'w', limit: 1, leaseMs: 60_000 });
    const row = replyRow(raw, await understandReply(raw, ctx));
    return d.kysely.transaction().execute(async (trx) => {
      const r = await completeInbound(trx, P, c!.id, row);
      if (!r.duplicate) await queueReplyFollowUp(trx, P, { id: r.replyId, verdict: row.verdict, dealId: Number(row.deal_id) });
      return r;
    });
  };
  const replies = () =>
    d.kysely
      .selectFrom('mail_replies')
      .select(['id', 'verdict', 'reasons', 'dedupe_key'])
      .where('portal_id', '=', P)
      .orderBy('id')
      .execute();
  const jobs = (kind: string) => d.kysely.selectFrom('outbox_jobs').select(['payload']).where('kind', '=', kind).execute();
  const real = () => dns.sign(REAL, 'banco-norte.example');

  it('a forged copy first, then the real reply: the real one is recorded and queued to apply once', async () => {
    expect((await deliver(FORGED)).duplicate).toBe(false);
    const r = await deliver(await real());
    expect(r.duplicate).toBe(false);
    // The real reply re-delivered (a server retry) after both: still the real row.
    expect(await deliver(await real())).toEqual({ replyId: r.replyId, duplicate: true });
    const rows = await replies();
    expect(rows.map((x) => [x.verdict, x.dedupe_key])).toEqual([
      ['review', '<CAOx3f1Zk2V9mQp1vR8n4YhT0s+Jx9=APROB@mail.gmail.com> unauthenticated'],
      ['auto-apply', '<CAOx3f1Zk2V9mQp1vR8n4YhT0s+Jx9=APROB@mail.gmail.com> auth:banco-norte.example'],
    ]);
    expect(rows[0]!.reasons).toContain('sender-not-authenticated');
    const applies = await jobs(MAIL_REPLY_JOB.apply);
    expect(applies).toHaveLength(1);
    expect(JSON.stringify(applies[0]!.payload)).toContain(r.replyId);
    // The forged copy waits for review with one to-do, never an apply.
    expect(await jobs(MAIL_REPLY_JOB.todo)).toHaveLength(1);
  });

  it('the real reply twice is one row and one apply; the forged copy twice is one review row', async () => {
    const a = await deliver(await real());
    expect(await deliver(await real())).toEqual({ replyId: a.replyId, duplicate: true });
    const f = await deliver(FORGED);
    expect(await deliver(FORGED)).toEqual({ replyId: f.replyId, duplicate: true });
    expect((await replies()).map((x) => x.verdict)).toEqual(['auto-apply', 'review']);
    expect(await jobs(MAIL_REPLY_JOB.apply)).toHaveLength(1);
    expect(await jobs(MAIL_REPLY_JOB.todo)).toHaveLength(1);
  });

  it('a copy signed by the forger’s own domain has a key of its own and cannot shadow the bank’s', async () => {
    const theirs = Buffer.from(REAL.toString('latin1').replace(/^From: .*$/m, 'From: Banco Norte <credito@forger.example>'), 'latin1');
    const f = await deliver(await dns.sign(theirs, 'forger.example'));
    const r = await deliver(await real());
    expect(r.duplicate).toBe(false);
    expect(r.replyId).not.toBe(f.replyId);
    expect((await replies()).map((x) => [x.verdict, x.dedupe_key.split(' ')[1]])).toEqual([
      ['review', 'auth:forger.example'],
      ['auto-apply', 'auth:banco-norte.example'],
    ]);
    expect(await jobs(MAIL_REPLY_JOB.apply)).toHaveLength(1);
  });
});
