import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { createBank } from '../../../server/documents/values/banks-repo.js';
import { OutboxWorker } from '../../../server/jobs/worker.js';
import type { StageMap } from '../../../server/lifecycle/stage-map.js';
import { defaultLoanDeps } from '../../../server/loans/operations/deps.js';
import { saveLoan } from '../../../server/loans/operations/save-loan.js';
import { MailboxReader } from '../../../server/mail/inbox/mailbox-reader.js';
import { replyContextFor } from '../../../server/mail/inbox/reply-context.js';
import { getMailSettings } from '../../../server/mail/settings/mail-settings-repo.js';
import { replyTokenKey } from '../../../server/mail/settings/token-key.js';
import { startFakeSmsc, type FakeSmsc } from '../../fakes/smsc.js';
import { startPlatform, type Platform } from '../portal-harness.js';
import { sampleTerms } from '../sample-terms.js';
import { dnsTable, type DnsTable } from './dns-table.js';
import { startDovecot, type Dovecot } from './dovecot-rig.js';
import { rigMailSettings } from './settings-body.js';
import { startSmtpRig, type SmtpRig } from './smtp-rig.js';

// The whole path a bank's decision takes, for test/mail-done-when.test.ts and bench/mail.bench.ts:
// the app on the emulator with its own job handlers and an outbox worker running; the portal's mail
// settings saved through the API (SMTP: a real smtp-server, IMAP: a real Dovecot; the forwarders);
// an SMS gateway (a real SMPP peer); the lifecycle map with bank-decision stages; banks in the
// directory; deals with a contact and a saved loan. The reader is the one the app builds
// (reply-context.ts `replyContextFor`, the forwarders read from the saved settings), with a table DNS
// instead of the system's so DKIM/DMARC can pass for the fixture domains.

export interface SentToBank {
  bankId: string;
  messageId: string;
  replyTo: string;
}

export interface DecisionPlatform {
  p: Platform;
  portalId: string;
  dovecot: Dovecot;
  smtp: SmtpRig;
  smsc: FakeSmsc;
  dns: DnsTable;
  /** The pipeline's stage id for a code ("APPROVED" → "C1:APPROVED"). */
  st(code: string): string;
  bank(name: string, domain: string): Promise<string>;
  dealWithLoan(title: string, phone: string, email: string, principal?: string): Promise<number>;
  /** POSTs the message from the deal to these banks; resolves once each is sent, with what the bank received. */
  sendToBanks(dealId: number, bankIds: string[]): Promise<SentToBank[]>;
  stageOf(dealId: number): Promise<string>;
  /** What the SMTP server took for one address (the client's notices). */
  mailTo(address: string): Promise<{ subject: string; text: string }[]>;
  smsTo(phone: string): { text: string }[];
  startReader(pollMs?: number): Promise<void>;
  /** Until the outbox has nothing pending or running (at most 60 s). */
  jobsDone(): Promise<void>;
  close(): Promise<void>;
}

export async function startDecisionPlatform(o: { forwarders: string[]; domains: string[] }): Promise<DecisionPlatform> {
  const [dovecot, smtp, smsc] = await Promise.all([
    startDovecot(),
    startSmtpRig(),
    startFakeSmsc({ systemId: 'lender', password: 'secret' }),
  ]);
  const dns = dnsTable(o.domains);
  const sms = {
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'lender',
    password: 'secret',
    sourceAddr: 'LENDER',
    timeoutMs: 2000,
    enquireLinkMs: 0,
  };
  const p = await startPlatform({
    emulator: { seedDemoData: true },
    activities: {
      settings: { settingsOf: async () => ({ language: 'es', companyName: 'Presta Norte', sms: { provider: 'smpp', settings: sms } }) },
    },
  });
  const portalId = await p.install();
  const bearer = (dealId?: number) =>
    `Bearer ${p.a.app.sessions.issue({ portalId, userId: 1, isAdmin: dealId === undefined, ...(dealId ? { dealId } : {}) })}`;
  const call = async (method: string, path: string, body: unknown, dealId?: number) => {
    const r = await fetch(`${p.a.url}${path}`, {
      method,
      headers: { authorization: bearer(dealId), 'accept-language': 'es-MX', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const settings = rigMailSettings(smtp, { port: dovecot.imapPort, user: dovecot.user, pass: dovecot.pass });
  await call('PUT', '/api/v1/settings/mail', { ...settings, forwarders: o.forwarders });
  const cats = await p.portalCall<{ categories: { id: number }[] }>('crm.category.list', { entityTypeId: 2 });
  const cat = cats.categories.find((c) => c.id !== 0)!.id;
  const st = (code: string) => `C${cat}:${code}`;
  const map: StageMap = {
    onStage: { [st('ISSUED')]: 'ISSUED' },
    toStage: { overdue: [] },
    payoutOnIssue: false,
    bankDecision: { approved: st('APPROVED'), rejected: st('LOSE') },
    lang: 'es',
  };
  await call('PUT', `/api/v1/settings/stage-maps/${cat}`, map);
  const worker = new OutboxWorker({
    db: p.db.kysely,
    dialect: p.db.dialect,
    log: p.a.app.log,
    getPortalClient: (id) => p.a.app.getPortalClient(id),
    handlers: p.a.app.jobHandlers,
    pollMs: 20,
    backoffBaseMs: 50,
    backoffMaxMs: 300,
  });
  worker.start();
  let reader: MailboxReader | null = null;
  const sentTo = async () =>
    Promise.all(
      smtp.received.map(async (m) => {
        const parsed = await simpleParser(m.raw);
        return { to: m.envelope.rcptTo.map((r) => r.address), parsed };
      }),
    );

  return {
    p,
    portalId,
    dovecot,
    smtp,
    smsc,
    dns,
    st,
    async bank(name, domain) {
      const by = { nowIso: new Date().toISOString(), lang: 'es' as const };
      const input = { name, emails: [`credito@${domain}`], replySenders: [`@${domain}`], phones: [], requiredFields: [] };
      return (await createBank(p.db.kysely, p.a.app.secrets, portalId, input, by)).id;
    },
    async dealWithLoan(title, phone, email, principal = '150000') {
      const contactId = await p.portalCall<number>('crm.contact.add', {
        fields: {
          NAME: 'Juan',
          LAST_NAME: 'Pérez',
          PHONE: [{ VALUE: phone, VALUE_TYPE: 'MOBILE' }],
          EMAIL: [{ VALUE: email, VALUE_TYPE: 'WORK' }],
        },
      });
      const deal = p.em.createDeal({
        TITLE: title,
        CATEGORY_ID: cat,
        STAGE_ID: st('UNDERWRITING'),
        CONTACT_ID: contactId,
        ASSIGNED_BY_ID: 1,
      });
      const dealId = Number(deal.ID ?? deal.id);
      await saveLoan(
        p.db.kysely,
        portalId,
        dealId,
        { terms: sampleTerms(6, { currency: 'MXN', principal }) },
        { userId: 1 },
        defaultLoanDeps(),
      );
      return dealId;
    },
    async sendToBanks(dealId, bankIds) {
      const body = {
        requestId: crypto.randomUUID(),
        bankIds,
        subject: `Solicitud ${dealId} - Juan Pérez`,
        text: 'Adjuntamos la solicitud.',
      };
      const r = (await call('POST', `/api/v1/deals/${dealId}/bank-messages`, body, dealId)) as {
        messages: { bankId: string; messageId: string }[];
      };
      const sent: SentToBank[] = [];
      for (let i = 0; i < 300 && sent.length < bankIds.length; i++) {
        await new Promise((res) => setTimeout(res, 50));
        const mails = await sentTo();
        sent.length = 0;
        for (const m of r.messages) {
          const bare = (id: string | undefined) => id?.replace(/^<|>$/g, '');
          const got = mails.find((x) => bare(x.parsed.messageId) === bare(m.messageId));
          if (got) sent.push({ bankId: m.bankId, messageId: m.messageId, replyTo: got.parsed.replyTo!.value[0]!.address! });
        }
      }
      if (sent.length < bankIds.length) throw new Error('the messages to the banks were not sent');
      return sent;
    },
    async stageOf(dealId) {
      return String((await p.portalCall<Record<string, unknown>>('crm.deal.get', { id: dealId })).STAGE_ID);
    },
    async mailTo(address) {
      return (await sentTo())
        .filter((m) => m.to.includes(address))
        .map((m) => ({ subject: m.parsed.subject ?? '', text: m.parsed.text ?? '' }));
    },
    smsTo: (phone) => smsc.messages().filter((m) => m.to.replace(/^\+/, '') === phone.replace(/^\+/, '')),
    async startReader(pollMs = 200) {
      const s = (await getMailSettings(p.db.kysely, p.a.app.secrets, portalId))!;
      reader = new MailboxReader({
        db: p.db.kysely,
        dialect: p.db.dialect,
        account: { host: '127.0.0.1', port: dovecot.imapPort, secure: false, user: dovecot.user, pass: dovecot.pass },
        context: replyContextFor(p.db.kysely, p.a.app.secrets, portalId, replyTokenKey(p.a.config), s.forwarders, dns.resolver),
        log: { info: () => undefined, warn: () => undefined },
        pollMs,
      });
      await reader.start();
    },
    async jobsDone() {
      const deadline = Date.now() + 60_000;
      const busy = async () =>
        (await p.db.kysely.selectFrom('outbox_jobs').select('id').where('status', 'in', ['pending', 'running']).execute()).length;
      while ((await busy()) > 0) {
        if (Date.now() > deadline) throw new Error('the outbox did not empty within 60 s');
        await new Promise((res) => setTimeout(res, 50));
      }
    },
    async close() {
      await reader?.stop();
      await worker.stop();
      await p.close();
      await Promise.all([dovecot.stop(), smtp.stop(), smsc.close()]);
    },
  };
}

const TEMPLATE = readFileSync(new URL('../../fixtures/mail/reply-gmail-es-approved.eml', import.meta.url), 'latin1');
const FORWARD = readFileSync(new URL('../../fixtures/mail/forward-outlook-es-rejected.eml', import.meta.url), 'latin1');

/** A bank's Gmail reply (es) to what it received: In-Reply-To our Message-ID, to our Reply-To; `text` is the new part. */
export function gmailReply(
  dealId: number,
  sent: SentToBank,
  o: { id: string; from?: string; text?: string; quoted?: string; headers?: string },
): Buffer {
  const text = TEMPLATE.replace(/^(In-Reply-To|References): .*$/gm, `$1: <${sent.messageId.replace(/^<|>$/g, '')}>`)
    .replace(/^Message-ID: .*$/m, `Message-ID: <${o.id}@mail.gmail.com>${o.headers ? `\r\n${o.headers}` : ''}`)
    .replace(/^From: .*$/m, (line) => (o.from ? `From: ${o.from}` : line))
    .replace(/^To: .*$/m, `To: Lender Approvals <${sent.replyTo}>`)
    .replace(/Solicitud 456/g, `Solicitud ${dealId}`)
    .replace('aprobado, 150 000', o.text ?? 'aprobado, 150 000')
    .replace('solicitamos $150,000.00 MXN a 24 meses.', o.quoted ?? 'solicitamos $150,000.00 MXN a 24 meses.');
  return Buffer.from(text, 'latin1');
}

/** Our credit officer's Outlook forward (es) of a bank's rejection, "Rechazado" written on top; the bank's reply address in the forwarded block. */
export function forwardedRejection(dealId: number, sent: SentToBank): Buffer {
  const token = sent.replyTo.slice(sent.replyTo.indexOf('+') + 1, sent.replyTo.indexOf('@'));
  const text = FORWARD.replace('d456.bbanco-norte.qjdz3iuztscify2z', token).replace(/([Ss])olicitud 456/g, `$1olicitud ${dealId}`);
  return Buffer.from(text, 'latin1');
}
