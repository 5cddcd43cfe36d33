// SMS figures: analyzeSms throughput (the template editor recounts on every keystroke) and the
// time for N messages through a local SMSC over one SMPP bind.
import { performance } from 'node:perf_hooks';
import { analyzeSms } from '../server/integrations/sms/encoding/index.js';
import { startFakeSmsc } from '../test/fakes/smsc.js';
import { smppProvider } from '../server/integrations/sms/smpp/index.js';

const ES = 'Hola María, su pago de $1,500.00 MXN del préstamo PL-2026-0042 vence el 05/12/2026. Referencia: 1010100368185638. Prestalatino';
const RU = 'Анна, напоминаем: платёж 5 000,00 руб. по договору №123/2026 до 05.12.2026. МФК Заём';

export default async function (): Promise<void> {
  for (const [name, text, tr] of [
    ['es, UCS-2', ES, false],
    ['es, transliterated', ES, 'es'],
    ['ru, UCS-2', RU, false],
    ['ru, transliterated', RU, 'ru'],
    ['1,000 chars GSM-7', 'a€'.repeat(500), false],
  ] as const) {
    const n = 20_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) analyzeSms(text, { transliterate: tr });
    const ms = performance.now() - t0;
    console.log(`analyzeSms ${name.padEnd(20)} ${((ms * 1000) / n).toFixed(1)} µs/call`);
  }

  const smsc = await startFakeSmsc();
  const client = smppProvider.create({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'lender',
    password: 'secret',
    sourceAddr: 'Bench',
    enquireLinkMs: 0,
  });
  try {
    await client.connect();
    const n = 1_000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: n }, (_, i) => client.send({ to: '+5215512345678', text: RU, encoding: 'UCS2', idempotencyKey: `b${i}` })),
    );
    const ms = performance.now() - t0;
    console.log(
      `SMPP submit ${n} two-part messages over one bind: ${ms.toFixed(0)} ms (${((n * 1000) / ms).toFixed(0)} msg/s, ${smsc.parts.length} PDUs)`,
    );
  } finally {
    await client.close();
    await smsc.close();
  }
}
