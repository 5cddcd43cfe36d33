import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankTagOf } from '../server/mail/bank-tag.js';
import type { MailReplies } from '../wire/mail-replies.js';
import {
  forwardedRejection,
  gmailReply,
  startDecisionPlatform,
  type DecisionPlatform,
  type SentToBank,
} from './support/mail/decision-platform.js';

// Issue 16's "Done when", in one story against a real Dovecot (LMTP in, IMAP out), a real SMTP server,
// a real SMPP peer and the emulator, as the app runs it (its own job handlers, the portal's settings
// saved through the API — forwarders included): the manager sends the application from the deal to two
// banks; Banco Norte approves by replying to what it received — the deal moves and the client gets one
// SMS and one e-mail with the amount; Banco Sur's rejection arrives as a notice our credit officer
// forwards with "Rechazado" on top — trusted (a configured forwarder, signed by our domain), and it does
// not undo the other bank's approval. The same forward without our domain's signature, and on a second
// deal a spoofed approval, an out-of-office, an approval only in the quoted text and a reply naming
// another deal, land in the review queue and move nothing; that deal's client hears nothing.
// What mail-apply.test.ts, mail-review-queue.test.ts and mail-reader-exactly-once.test.ts cover
// apart (duplicates, Apply twice, the band; the fixtures one by one; 200 replies and a kill) is not
// repeated here.

let d: DecisionPlatform;
let norte: string;
let sur: string;

beforeAll(async () => {
  d = await startDecisionPlatform({
    forwarders: ['Ana.Lopez@lender.example'],
    domains: ['banco-norte.example', 'banco-sur.example', 'lender.example', 'elsewhere.example'],
  });
  norte = await d.bank('Banco Norte', 'banco-norte.example');
  sur = await d.bank('Banco Sur', 'banco-sur.example');
  await d.startReader();
}, 120_000);

afterAll(async () => {
  await d?.close();
});

type Row = {
  deal_id: unknown;
  bank_id: string | null;
  status: string;
  verdict: string;
  decision: string | null;
  reasons: string;
  message_id: string | null;
};
const repliesOf = async (dealId: number): Promise<Row[]> =>
  d.p.db.kysely
    .selectFrom('mail_replies')
    .select(['deal_id', 'bank_id', 'status', 'verdict', 'decision', 'reasons', 'message_id'])
    .where('portal_id', '=', d.portalId)
    .where('deal_id', '=', dealId)
    .orderBy('created_at')
    .execute() as Promise<Row[]>;
/** Until `n` replies of the deal are recorded and no job is left: what they cause has happened. */
async function settled(dealId: number, n: number): Promise<Row[]> {
  await expect.poll(async () => (await repliesOf(dealId)).length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(n);
  await d.jobsDone();
  await d.p.em.idle();
  return repliesOf(dealId);
}
const reasonsOf = (rows: Row[], id: string) => JSON.parse(rows.find((r) => r.message_id?.includes(id))!.reasons) as string[];

describe('issue 16, done when', () => {
  let dealId: number;
  let sent: SentToBank[];
  const phone = '+5215512349001';
  const email = 'juan.perez@cliente.example';

  it('a pack to two banks: one approves by reply — the deal moves, the client gets one SMS and one e-mail with the amount', async () => {
    dealId = await d.dealWithLoan('Crédito Juan Pérez', phone, email);
    sent = await d.sendToBanks(dealId, [norte, sur]);
    expect(sent.map((s) => s.bankId).sort()).toEqual([norte, sur].sort());
    const toNorte = sent.find((s) => s.bankId === norte)!;
    await d.dovecot.deliver(await d.dns.sign(gmailReply(dealId, toNorte, { id: 'norte-ok' }), 'banco-norte.example'));
    const rows = await settled(dealId, 1);

    expect(rows).toEqual([
      expect.objectContaining({ bank_id: bankTagOf(norte), status: 'applied', verdict: 'auto-apply', decision: 'approved' }),
    ]);
    expect(await d.stageOf(dealId)).toBe(d.st('APPROVED'));
    const sms = d.smsTo(phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain('150,000.00');
    const mails = await d.mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Banco Norte aprobó su solicitud de crédito por 150,000.00');
  });

  it('the other bank rejects through a forward by a configured forwarder: trusted, and it does not undo the approval', async () => {
    const toSur = sent.find((s) => s.bankId === sur)!;
    // First the forward as a stranger could write it: our officer's From:, no signature of our domain.
    await d.dovecot.deliver(forwardedRejection(dealId, toSur));
    const unsigned = await settled(dealId, 2);
    expect(unsigned[1]).toMatchObject({ bank_id: bankTagOf(sur), verdict: 'review', decision: 'rejected' });
    expect(JSON.parse(unsigned[1]!.reasons)).toEqual(['sender-not-authenticated']);

    // The officer's real forward: its own Message-ID (the forged copy's is taken), signed by our domain.
    const genuine = forwardedRejection(dealId, toSur)
      .toString('latin1')
      .replace(/^Message-ID: <MW4PR04MB7345/m, 'Message-ID: <SIGNED');
    await d.dovecot.deliver(await d.dns.sign(Buffer.from(genuine, 'latin1'), 'lender.example'));
    const rows = await settled(dealId, 3);
    const fwd = rows[2]!;
    // Understood and trusted — nothing about sender, authentication or matching refuses it; the one
    // reason left is applying's: one bank's "no" does not close a deal another bank said "yes" to.
    expect(fwd).toMatchObject({ bank_id: bankTagOf(sur), decision: 'rejected', status: 'pending' });
    expect(JSON.parse(fwd.reasons)).toEqual(['deal-past-decision']);
    expect(await d.stageOf(dealId)).toBe(d.st('APPROVED'));
    expect(d.smsTo(phone)).toHaveLength(1);
    expect(await d.mailTo(email)).toHaveLength(1);
  });

  it('a spoofed approval, an out-of-office, an approval only in the quote, a reply naming another deal: review, nothing moves', async () => {
    const phone2 = '+5215512349002';
    const email2 = 'rosa.diaz@cliente.example';
    const other = await d.dealWithLoan('Crédito Rosa Díaz', phone2, email2);
    const [toNorte] = await d.sendToBanks(other, [norte]);
    const reply = (o: Parameters<typeof gmailReply>[2]) => gmailReply(other, toNorte!, o);
    const spoofed = reply({ id: 'spoofed' }); // the bank's From:, unsigned, from a server that is not the bank's
    const outOfOffice = await d.dns.sign(
      reply({
        id: 'ooo',
        text: 'Estoy fuera de la oficina hasta el 8 de julio; aprobado, 150 000 lo vere a mi regreso.',
        headers: 'Auto-Submitted: auto-replied',
      }),
      'banco-norte.example',
    );
    const quoteOnly = await d.dns.sign(
      reply({ id: 'quoted', text: 'Recibido, lo revisamos.', quoted: 'aprobado, 150 000.' }),
      'banco-norte.example',
    );
    const otherDeal = await d.dns.sign(reply({ id: 'other-deal', text: `Solicitud ${dealId} aprobada, 150 000` }), 'banco-norte.example');
    for (const m of [spoofed, outOfOffice, quoteOnly, otherDeal]) await d.dovecot.deliver(m);
    const rows = await settled(other, 4);

    expect(rows.map((r) => [r.status, r.verdict])).toEqual(Array.from({ length: 4 }, () => ['pending', 'review']));
    expect(reasonsOf(rows, 'spoofed')).toEqual(['sender-not-authenticated']);
    expect(reasonsOf(rows, 'ooo')).toContain('auto-reply');
    expect(reasonsOf(rows, 'quoted')).toEqual(['decision-only-in-quote']);
    expect(reasonsOf(rows, 'other-deal')).toContain('match-conflict');
    expect(await d.stageOf(other)).toBe(d.st('UNDERWRITING'));
    expect(d.smsTo(phone2)).toEqual([]);
    expect(await d.mailTo(email2)).toEqual([]);

    // What the review queue shows the admin: each of them, with why it was not applied.
    const token = d.p.a.app.sessions.issue({ portalId: d.portalId, userId: 1, isAdmin: true });
    const r = await fetch(`${d.p.a.url}/api/v1/mail/replies?status=pending`, { headers: { authorization: `Bearer ${token}` } });
    const queue = ((await r.json()) as MailReplies).replies.filter((x) => x.dealId === other);
    expect(queue).toHaveLength(4);
    expect(queue.every((x) => x.reasons.length > 0)).toBe(true);
  });
});
