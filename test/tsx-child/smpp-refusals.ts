// Run by test/smpp-under-tsx.test.ts as `node --import tsx` — the runtime of `npm start` and
// `npm run demo`, not vitest's transform (which hid that `import * as smpp` lacked `smpp.errors`
// and `smpp.ESM_CLASS` under Node ESM). It drives the real SMS job path (requestSms → executeSms
// on in-memory SQLite) against the fake SMSC refusing a bind (0x0E) and a submit (0x58), then a
// delivered message whose receipt the fake SMSC pushes, and prints one JSON line per step. A throw
// in a socket callback would end this process before the last line.
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDb } from '../support/test-db.js';
import { executeSms, findSmsById, recordSmsStatus, requestSms, type SmsRecord } from '../../server/integrations/sms/sending/index.js';
import { startFakeSmsc } from '../fakes/smsc.js';
import { smppProvider } from '../../server/integrations/sms/smpp/index.js';

const db = await createTestDb('sqlite');
const smsc = await startFakeSmsc();
const report = (step: string, sms: SmsRecord) => console.log(JSON.stringify({ step, status: sms.status, lastError: sms.lastError }));
const client = () =>
  smppProvider.create({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'lender',
    password: 'secret',
    sourceAddr: 'Prestamos',
    timeoutMs: 3000,
    enquireLinkMs: 0,
  });
const send = async (key: string, provider: ReturnType<typeof client>) => {
  const sms = await requestSms(db.kysely, 'p1', { key, to: '+52 55 1234 5678', text: 'Su pago vence mañana', provider: 'smpp' });
  return (await executeSms(db.kysely, provider, sms)).sms;
};

smsc.refuseBindWith = 0x0e; // ESME_RINVPASWD
const refused = client();
report('bind-refused', await send('bind-refused', refused));
await refused.close();

smsc.refuseBindWith = undefined;
const smpp = client();
smpp.onStatus((u) => void recordSmsStatus(db.kysely, 'p1', 'smpp', u).catch(() => undefined));
smsc.failNextSubmits(0x58); // ESME_RTHROTTLED
report('submit-throttled', await send('submit-throttled', smpp));

smsc.autoReceipt = 'DELIVRD';
let sms = await send('delivered', smpp);
// Until the receipt is recorded; the bound is only against a hang (a loaded machine took over 2 s,
// one at load 12 over 20 s).
for (const until = Date.now() + 60_000; sms.status !== 'delivered' && Date.now() < until;) {
  await sleep(20);
  sms = (await findSmsById(db.kysely, sms.portalId, sms.id)) ?? sms;
}
report('delivered', sms);

await sleep(200); // any stray callback (receipt, timer) runs now
console.log(JSON.stringify({ step: 'alive', messagesAtSmsc: smsc.messages().length }));
await smpp.close();
await smsc.close();
await db.close();
