import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Session } from 'smpp';
import { guarded } from '../../server/integrations/guarded.js';

// A local SMSC built on the same package's createServer(), for tests and the demo. It decodes
// what it receives with the LIBRARY's decoder (not ours), reassembles concatenated parts by UDH
// reference, and can refuse binds, fail submits, drop connections and push delivery receipts.

export interface ReceivedPart {
  messageId: string;
  from: string;
  to: string;
  dataCoding: number;
  esmClass: number;
  udh?: { ref: number; total: number; seq: number };
  text: string;
}

export interface ReceivedMessage {
  from: string;
  to: string;
  dataCoding: number;
  text: string;
  partIds: string[];
}

export interface FakeSmsc {
  port: number;
  parts: ReceivedPart[];
  /** Messages whose parts have all arrived, in order of completion. */
  messages(): ReceivedMessage[];
  binds: number;
  /** Refuse binds with this command_status (e.g. 0x0E ESME_RINVPASWD, 0x0D ESME_RBINDFAIL); undefined = accept. */
  refuseBindWith: number | undefined;
  /** Answer the next n submit_sm with this command_status. */
  failNextSubmits(status: number, n?: number): void;
  /** Called once per complete message (the demo prints a line; a throw here is ignored). */
  onMessage: ((message: ReceivedMessage) => void) | undefined;
  /** Send this receipt stat for every accepted part (e.g. 'DELIVRD'); undefined = none. */
  autoReceipt: string | undefined;
  sendReceipt(messageId: string, stat: string, err?: string): void;
  /** Cut every connection (the client should re-bind). */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startFakeSmsc(options: { systemId?: string; password?: string } = {}): Promise<FakeSmsc> {
  const systemId = options.systemId ?? 'lender';
  const password = options.password ?? 'secret';
  const parts: ReceivedPart[] = [];
  const complete: ReceivedMessage[] = [];
  const submitFailures: number[] = [];
  const bound = new Set<Session>();
  let nextId = 1;

  // The demo runs this inside the app's process: a throw in a handler answers ESME_RSYSERR to
  // that PDU instead of ending the process.
  const answerSysErr = (session: Session, pdu: Pdu) => (): void => {
    session.send(pdu.response({ command_status: smpp.ESME_RSYSERR }));
  };
  const handle = (session: Session, command: string, handler: (pdu: Pdu) => void) =>
    session.on(command, (pdu: Pdu) => guarded(handler, answerSysErr(session, pdu))(pdu));

  const server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('close', () => bound.delete(session));
    handle(session, 'bind_transceiver', (pdu) => {
      session.pause();
      fake.binds++;
      const wrong = pdu.system_id !== systemId || pdu.password !== password;
      const status = fake.refuseBindWith ?? (wrong ? smpp.ESME_RINVPASWD : 0);
      session.send(pdu.response({ command_status: status, system_id: 'fakesmsc' }));
      if (status === 0) {
        bound.add(session);
        session.resume();
      } else session.close();
    });
    handle(session, 'enquire_link', (pdu) => session.send(pdu.response()));
    handle(session, 'unbind', (pdu) => {
      session.send(pdu.response());
      session.close();
    });
    handle(session, 'submit_sm', (pdu) => {
      if (!bound.has(session)) return session.send(pdu.response({ command_status: 0x04 })); // ESME_RINVBNDSTS
      const failure = submitFailures.shift();
      if (failure !== undefined) return session.send(pdu.response({ command_status: failure }));
      const messageId = `M${(nextId++).toString().padStart(8, '0')}`;
      const sm = pdu.short_message as { message?: unknown; udh?: Buffer[] } | Buffer;
      const text = !Buffer.isBuffer(sm) && typeof sm.message === 'string' ? sm.message : '';
      const concat = !Buffer.isBuffer(sm) ? sm.udh?.find((u) => u[0] === 0x00 && u[1] === 3) : undefined;
      const part: ReceivedPart = {
        messageId,
        from: String(pdu.source_addr),
        to: String(pdu.destination_addr),
        dataCoding: Number(pdu.data_coding),
        esmClass: Number(pdu.esm_class),
        text,
        ...(concat ? { udh: { ref: concat[2] as number, total: concat[3] as number, seq: concat[4] as number } } : {}),
      };
      parts.push(part);
      assemble(part);
      session.send(pdu.response({ message_id: messageId }));
      if (fake.autoReceipt) fake.sendReceipt(messageId, fake.autoReceipt);
    });
  });

  const completed = (message: ReceivedMessage) => {
    complete.push(message);
    if (fake.onMessage) guarded(fake.onMessage, () => undefined)(message);
  };

  function assemble(part: ReceivedPart): void {
    if (!part.udh) {
      completed({ from: part.from, to: part.to, dataCoding: part.dataCoding, text: part.text, partIds: [part.messageId] });
      return;
    }
    const { ref, total } = part.udh;
    const siblings = parts.filter((p) => p.udh && p.udh.ref === ref && p.udh.total === total && p.to === part.to && p.from === part.from);
    // A message is complete once parts 1..total are present since the last completion of this ref.
    const latest = new Map<number, ReceivedPart>();
    for (const p of siblings) latest.set(p.udh!.seq, p);
    const used = new Set(complete.flatMap((m) => m.partIds));
    const fresh = [...latest.values()].filter((p) => !used.has(p.messageId));
    if (fresh.length < total) return;
    const ordered = fresh.sort((a, b) => a.udh!.seq - b.udh!.seq);
    completed({
      from: part.from,
      to: part.to,
      dataCoding: part.dataCoding,
      text: ordered.map((p) => p.text).join(''),
      partIds: ordered.map((p) => p.messageId),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

  const fake: FakeSmsc = {
    port: (server.address() as AddressInfo).port,
    parts,
    messages: () => [...complete],
    binds: 0,
    refuseBindWith: undefined,
    onMessage: undefined,
    autoReceipt: undefined,
    failNextSubmits(status, n = 1) {
      for (let i = 0; i < n; i++) submitFailures.push(status);
    },
    sendReceipt(messageId, stat, err = '000') {
      const session = [...bound][0];
      if (!session) return;
      const stamp = '2611220300';
      session.deliver_sm({
        esm_class: smpp.ESM_CLASS.MC_DELIVERY_RECEIPT,
        data_coding: 0,
        short_message: `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:${stamp} done date:${stamp} stat:${stat} err:${err} text:`,
      });
    },
    dropConnections() {
      for (const s of server.sessions) s.destroy();
      bound.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of server.sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
