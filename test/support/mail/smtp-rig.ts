import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

// A real SMTP server (npm smtp-server) on a loopback port for the sending and settings tests: AUTH
// PLAIN/LOGIN without TLS (loopback only), DSN advertised, every accepted message kept with its
// envelope (including the DSN parameters) and raw bytes. A recipient at refused.example is
// refused at RCPT, as a real server refuses an unknown mailbox.

export interface ReceivedMail {
  envelope: SMTPServerEnvelope;
  raw: Buffer;
}

export interface SmtpRig {
  port: number;
  user: string;
  pass: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

export async function startSmtpRig(o: { user?: string; pass?: string } = {}): Promise<SmtpRig> {
  const user = o.user ?? 'sender@lender.example';
  const pass = o.pass ?? 'smtp-secret';
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    hideDSN: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user });
      else cb(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith('@refused.example')) cb(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ envelope: structuredClone(session.envelope), raw: Buffer.concat(chunks) });
        cb(null, 'Ok: queued as TEST1');
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  return { port, user, pass, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
