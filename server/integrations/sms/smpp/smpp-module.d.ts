// Minimal types for the parts of npm `smpp` 0.5.x we use (it ships none). Kept narrow on purpose.
//
// `smpp` is CommonJS. Under Node ESM (tsx: `npm start`, `npm run demo`) a namespace import only
// holds the names Node's CJS lexer finds (connect, createServer, Session, …) — not `errors`,
// `ESM_CLASS` or the ESME_* constants, which the package adds in a loop. So the module's value is
// declared ONLY as its default export (module.exports, the same object under Node and vitest), and
// everything else here is a type: `import * as smpp` then has nothing to read and cannot compile.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  export interface Pdu {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): Pdu;
  }
  export type PduCallback = (pdu: Pdu) => void;

  export interface Session extends EventEmitter {
    send(pdu: Pdu, responseCallback?: PduCallback): boolean;
    bind_transceiver(options: Record<string, unknown>, responseCallback?: PduCallback): boolean;
    submit_sm(options: Record<string, unknown>, responseCallback?: PduCallback): boolean;
    deliver_sm(options: Record<string, unknown>, responseCallback?: PduCallback): boolean;
    enquire_link(options?: Record<string, unknown>, responseCallback?: PduCallback): boolean;
    unbind(options?: Record<string, unknown>, responseCallback?: PduCallback): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    socket: Socket;
  }
  export interface Server extends NetServer {
    sessions: Session[];
  }

  interface SmppModule {
    connect(options: { host: string; port: number; auto_enquire_link_period?: number }, listener?: () => void): Session;
    createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;
    createServer(listener?: (session: Session) => void): Server;
    readonly ESM_CLASS: Readonly<Record<string, number>>;
    readonly MESSAGE_STATE: Readonly<Record<string, number>>;
    readonly errors: Readonly<Record<string, number>>;
    readonly ESME_ROK: number;
    readonly ESME_RINVPASWD: number;
    readonly ESME_RTHROTTLED: number;
    readonly ESME_RSYSERR: number;
  }
  const smpp: SmppModule;
  export default smpp;
}
