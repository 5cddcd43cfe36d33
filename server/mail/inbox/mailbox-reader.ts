import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Dialect } from '../../db/database.js';
import { uuidv7 } from '../../security/uuidv7.js';
import { understandReply, type ReplyContext } from '../understand.js';
import { deliveryReportOf } from '../parse/delivery-report.js';
import { completeInboundReport } from './delivery-report-record.js';
import { judgeReport } from './report-trust.js';
import { claimInbound, completeInbound, failInbound, mailboxCursor, recordListed, type InboundClaim } from './inbox-repo.js';
import { replyRow } from './reply-row.js';
import { queueReplyFollowUp } from '../apply/queue-follow-up.js';

// Reads one portal's bank-reply mailbox over IMAP (imapflow) and records each message exactly once.
// A pass: open the folder → UIDVALIDITY → UID SEARCH above the cursor → record the UIDs → claim
// rows in batches → FETCH their bytes → understand → record the reply and finish the claim in one
// transaction. Between passes the connection IDLEs (imapflow's auto-IDLE; NOOP where the server
// lacks IDLE) and a new-mail 'exists' starts a pass at once; a timer starts one every `pollMs`
// anyway, so a lost IDLE notification or a silent server costs at most one poll interval. Any
// number of readers in any number of processes may run on the same mailbox: claims are disjoint.

export interface ImapAccount {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  /** STARTTLS on a plain connection: true = required, false = never, absent = when offered. */
  starttls?: boolean;
}

/** An imapflow client for the account, quiet (our own log says what matters); `extra` tunes it. */
export function imapClient(a: ImapAccount, extra: Partial<ImapFlowOptions>): ImapFlow {
  return new ImapFlow({
    host: a.host,
    port: a.port,
    secure: a.secure,
    auth: { user: a.user, pass: a.pass },
    ...(a.starttls === undefined ? {} : { doSTARTTLS: a.starttls }),
    logger: false,
    ...extra,
  });
}

export interface ReaderLog {
  info(o: object, msg: string): void;
  warn(o: object, msg: string): void;
}

export interface MailboxReaderOptions {
  db: Kysely<Database>;
  dialect: Dialect;
  account: ImapAccount;
  mailbox?: string;
  context: ReplyContext;
  log: ReaderLog;
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  retryMs?: number;
  /**
   * Our outgoing side's domains (SMTP From: address, host, reply address): a delivery report signed by
   * one of them, or by the bank's, may move a bank message's status (report-trust.ts).
   */
  ownDomains?: string[];
  /** Called after each reply is recorded (tests count, the app enqueues follow-ups later). */
  onRecorded?: (replyId: string, duplicate: boolean) => void;
}

export class MailboxReader {
  readonly id: string;
  private client: ImapFlow | null = null;
  private timer: NodeJS.Timeout | null = null;
  private passing: Promise<number> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly o: MailboxReaderOptions) {
    this.id = o.workerId ?? `mail-${uuidv7().slice(-12)}`;
  }

  private get portalId(): string {
    return this.o.context.portalId;
  }
  private get mailbox(): string {
    return this.o.mailbox ?? 'INBOX';
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.passing?.catch(() => 0);
    const c = this.client;
    this.client = null;
    await c?.logout().catch(() => undefined);
  }

  /** One full pass; returns how many messages it recorded. Concurrent calls share one pass. */
  async pass(): Promise<number> {
    if (this.passing) {
      this.again = true;
      return this.passing;
    }
    this.passing = this.runPass().finally(() => {
      this.passing = null;
    });
    return this.passing;
  }

  private async connect(): Promise<void> {
    const a = this.o.account;
    const client = imapClient(a, {
      // IDLE 300 ms after our last command (imapflow's default waits 15 s), so new mail is seen
      // at once; a pass that pauses longer between commands pays two round trips to break IDLE.
      autoIdleDelay: 300,
      maxIdleTime: this.o.pollMs ?? 60_000,
      missingIdleCommand: 'NOOP',
    });
    client.on('exists', () => this.schedule(0));
    client.on('error', (err: Error) => this.o.log.warn({ reader: this.id, err: err.message }, 'imap error'));
    client.on('close', () => {
      if (this.client === client && !this.stopped) {
        this.client = null;
        this.schedule(this.o.retryMs ?? 5_000);
      }
    });
    try {
      await client.connect();
      await client.mailboxOpen(this.mailbox);
    } catch (e) {
      // imapflow leaves the socket open after a refused login or a missing folder: a reader retrying a
      // wrong password every few seconds would pile up connections (the server logged them long after).
      client.close();
      throw e;
    }
    this.client = client;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      if (!this.client) await this.connect();
      await this.pass();
    } catch (err) {
      this.o.log.warn({ reader: this.id, err: (err as Error).message }, 'mail pass failed');
    }
    this.schedule(this.o.pollMs ?? 60_000);
  }

  private async runPass(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      total += await this.passOnce();
    } while (this.again && !this.stopped);
    return total;
  }

  private async passOnce(): Promise<number> {
    const client = this.client;
    if (!client || !client.mailbox) return 0;
    const uidValidity = client.mailbox.uidValidity.toString();
    const cursor = await mailboxCursor(this.o.db, this.portalId, this.mailbox, uidValidity);
    const found = (await client.search({ uid: `${cursor + 1}:*` }, { uid: true })) || [];
    // "n:*" always includes the highest UID, even when it is below n.
    await recordListed(
      this.o.db,
      this.portalId,
      this.mailbox,
      uidValidity,
      found.filter((u) => u > cursor),
    );
    let recorded = 0;
    for (let round = 0; round < 10_000 && !this.stopped; round++) {
      const claims = await claimInbound(this.o.db, this.o.dialect, {
        portalId: this.portalId,
        mailbox: this.mailbox,
        workerId: this.id,
        limit: this.o.batchSize ?? 20,
        leaseMs: this.o.leaseMs ?? 120_000,
      });
      if (claims.length === 0) break;
      recorded += await this.processClaims(client, uidValidity, claims);
    }
    return recorded;
  }

  private async processClaims(client: ImapFlow, uidValidity: string, claims: InboundClaim[]): Promise<number> {
    const current = claims.filter((c) => c.uidValidity === uidValidity);
    for (const c of claims)
      if (c.uidValidity !== uidValidity)
        await failInbound(this.o.db, this.portalId, { ...c, attempts: Infinity }, 'UIDVALIDITY changed', 0);
    if (current.length === 0) return 0;
    // Fetch the whole batch first: imapflow cannot run other commands inside a FETCH iteration.
    const sources = new Map<number, Buffer>();
    for await (const m of client.fetch(current.map((c) => c.uid).join(','), { uid: true, source: true }, { uid: true }))
      if (m.source) sources.set(m.uid, m.source);
    let recorded = 0;
    for (const claim of current) {
      const raw = sources.get(claim.uid);
      if (!raw) {
        await failInbound(this.o.db, this.portalId, { ...claim, attempts: Infinity }, 'message expunged before it was read', 0);
        continue;
      }
      try {
        // A DSN or bounce about our own message is a status, not a bank's reply (never reviewed).
        const report = await deliveryReportOf(raw);
        if (report) {
          const sender = await judgeReport(this.o.db, this.o.context, this.o.ownDomains ?? [], raw, report);
          await this.o.db
            .transaction()
            .execute((trx) => completeInboundReport(trx, this.portalId, claim.id, report, new Date().toISOString(), sender));
          recorded++;
          continue;
        }
        const understood = await understandReply(raw, this.o.context);
        const row = replyRow(raw, understood);
        const done = await this.o.db.transaction().execute(async (trx) => {
          const r = await completeInbound(trx, this.portalId, claim.id, row);
          // The follow-up (apply, or a to-do for review) commits with the reply, once per new reply.
          const dealId = row.deal_id === null ? null : Number(row.deal_id);
          if (!r.duplicate) await queueReplyFollowUp(trx, this.portalId, { id: r.replyId, verdict: row.verdict, dealId });
          return r;
        });
        this.o.onRecorded?.(done.replyId, done.duplicate);
        recorded++;
      } catch (err) {
        await failInbound(this.o.db, this.portalId, claim, (err as Error).message, this.o.retryMs ?? 5_000);
        this.o.log.warn({ reader: this.id, uid: claim.uid, err: (err as Error).message }, 'reply not recorded');
      }
    }
    return recorded;
  }
}
