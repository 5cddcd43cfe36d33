import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { freePort } from '../portal-harness.js';

// A throwaway Dovecot (IMAP + LMTP) on loopback ports for the mail tests: its own config, state and
// Maildir under a temp folder, one user, mail delivered over LMTP the way a bank's mail server hands
// it to a mailbox host. The config is the one tried in ../shared/notes/integrations.md §3.1.
// `npm test` installs dovecot-imapd/dovecot-lmtpd (scripts/ensure-system-deps.sh); without it this
// throws with the command to run, so a test never skips silently.

const DOVECOT = '/usr/sbin/dovecot';

export interface Dovecot {
  imapPort: number;
  lmtpPort: number;
  user: string;
  pass: string;
  address: string;
  /** Another mailbox (user name, same password): a fresh, empty INBOX. */
  addUser(name: string): void;
  deliver(raw: Buffer | string, rcpt?: string): Promise<void>;
  stop(): Promise<void>;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`Dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Dovecot 2.3's own list without IDLE, for the polling-fallback test (a server that cannot IDLE).
const CAPABILITIES_WITHOUT_IDLE =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE';

export async function startDovecot(o: { idle?: boolean } = {}): Promise<Dovecot> {
  if (!existsSync(DOVECOT))
    throw new Error(
      'Dovecot is not installed: apt-get install -y --no-install-recommends dovecot-imapd dovecot-lmtpd (npm test does this)',
    );
  const root = mkdtempSync(join(tmpdir(), 'b24-dovecot-'));
  chmodSync(root, 0o755); // Dovecot's auth and mail processes run as other users
  const [imapPort, lmtpPort] = [await freePort(), await freePort()];
  for (const d of ['run', 'state', 'mail']) mkdirSync(join(root, d));
  const user = 'approvals';
  const pass = 'secret';
  writeFileSync(join(root, 'passwd'), `${user}:{PLAIN}${pass}\n`, { mode: 0o644 });
  // Dovecot refuses uid 0 for mail: the Maildir belongs to nobody (the rig runs as root in CI).
  const ids = readFileSync('/etc/passwd', 'utf8').match(/^nobody:x:(\d+):(\d+):/m);
  if (ids) chownSync(join(root, 'mail'), Number(ids[1]), Number(ids[2]));
  const conf = join(root, 'dovecot.conf');
  // Against password guessing Dovecot answers a wrong password after 2 s (auth_failure_delay) and holds
  // the next login from that address for seconds more (the auth penalty, off with its anvil socket at
  // mode 0, as Dovecot's docs show). Every test connects from 127.0.0.1: the settings tests try a wrong
  // password, then the right one, per locale and viewport, and assert what is shown, never how long it took.
  writeFileSync(
    conf,
    `base_dir = ${root}/run
state_dir = ${root}/state
log_path = ${root}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:${root}/mail/%n/Maildir
mail_uid = nobody
mail_gid = nogroup
first_valid_uid = 1
lmtp_save_to_detail_mailbox = no
recipient_delimiter = +
${o.idle === false ? `imap_capability = ${CAPABILITIES_WITHOUT_IDLE}\n` : ''}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n ${root}/passwd
}
userdb {
  driver = static
  args = home=${root}/mail/%n allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
  unix_listener lmtp {
    mode = 0666
  }
}
protocol lmtp {
  auth_username_format = %n
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`,
  );
  // Dovecot daemonises; with piped stdio the daemon would keep our pipes open, so stdio is ignored
  // and the log goes to dovecot.log.
  const code = await new Promise<number | null>((resolve, reject) => {
    const p = spawn(DOVECOT, ['-c', conf], { stdio: 'ignore' });
    p.once('error', reject);
    p.once('exit', resolve);
  });
  if (code !== 0)
    throw new Error(
      `dovecot exited with ${code}: ${existsSync(join(root, 'dovecot.log')) ? readFileSync(join(root, 'dovecot.log'), 'utf8') : ''}`,
    );
  await waitForPort(imapPort, 10_000);
  await waitForPort(lmtpPort, 10_000);
  // One LMTP session kept open and reused, messages in the order given: a session per message (a
  // connection and a Dovecot lmtp process each) was most of the time a 200-reply test spent delivering.
  const lmtp = nodemailer.createTransport({
    host: '127.0.0.1',
    port: lmtpPort,
    lmtp: true,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
  } as never);
  const address = `${user}@lender.example`;
  return {
    imapPort,
    lmtpPort,
    user,
    pass,
    address,
    addUser(name) {
      appendFileSync(join(root, 'passwd'), `${name}:{PLAIN}${pass}\n`);
    },
    async deliver(raw, rcpt = address) {
      const info = (await lmtp.sendMail({ envelope: { from: 'bounces@bank.example', to: [rcpt] }, raw })) as {
        rejected: unknown[];
        response: string;
      };
      if (info.rejected.length > 0) throw new Error(`LMTP refused ${rcpt}: ${info.response}`);
    },
    async stop() {
      lmtp.close();
      const pidFile = join(root, 'run', 'master.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
