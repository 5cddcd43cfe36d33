import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { startFakeSmsc } from '../../test/fakes/smsc.js';
import { startFakeOpenpay } from '../../test/fakes/openpay-server.js';
import { getProviderSettings, saveProviderSettings } from '../../server/settings/settings-repo.js';
import { fieldText } from '../../server/portal-client/field-text.js';

// `npm run demo` only: a LOCAL FAKE SMSC (SMPP) and a LOCAL FAKE OpenPay on loopback, saved as the
// demo portal's providers so the SMS and payout blocks work out of the box. Nothing leaves the
// machine. Settings an admin saved that point elsewhere are left alone.

export interface DemoProviders {
  smscPort: number;
  openpayUrl: string;
  /** false when the portal already had non-loopback settings of that kind. */
  configured: { sms: boolean; payments: boolean };
  close(): Promise<void>;
}

const isLoopback = (s: Record<string, unknown> | undefined, key: string) =>
  !s || /^(https?:\/\/)?(127\.0\.0\.1|localhost)([:/]|$)/.test(fieldText(s[key]));

/** `announce` gets one line per message the fake SMSC receives (its id and size: no phone, no text). */
export async function startDemoProviders(
  app: FastifyInstance,
  portalId: string,
  announce: (line: string) => void = () => undefined,
): Promise<DemoProviders> {
  const db = app.db.kysely;
  const password = randomBytes(4).toString('hex'); // SMPP allows 8 octets
  const smsc = await startFakeSmsc({ systemId: 'demo', password });
  smsc.autoReceipt = 'DELIVRD';
  smsc.onMessage = (m) => announce(`Fake SMSC: received message ${m.partIds[0]} (${m.partIds.length} part(s)) — not sent anywhere`);
  const openpay = await startFakeOpenpay();
  const sms = await getProviderSettings(db, app.secrets, portalId, 'sms');
  const payments = await getProviderSettings(db, app.secrets, portalId, 'payments');
  const configured = {
    sms: !sms || (sms.provider === 'smpp' && isLoopback(sms.settings, 'host')),
    payments: !payments || (payments.provider === 'openpay' && isLoopback(payments.settings, 'baseUrl')),
  };
  if (configured.sms) {
    await saveProviderSettings(db, app.secrets, portalId, 'sms', {
      provider: 'smpp',
      settings: { host: '127.0.0.1', port: smsc.port, systemId: 'demo', password, sourceAddr: 'DEMO', maxSegments: 6 },
      userId: null,
    });
  }
  if (configured.payments) {
    await saveProviderSettings(db, app.secrets, portalId, 'payments', {
      provider: 'openpay',
      settings: { merchantId: openpay.merchantId, privateKey: openpay.privateKey, baseUrl: openpay.baseUrl },
      userId: null,
    });
  }
  await app.invalidateProviderSettings(portalId);
  return {
    smscPort: smsc.port,
    openpayUrl: openpay.baseUrl,
    configured,
    async close() {
      await Promise.allSettled([smsc.close(), openpay.close()]);
    },
  };
}
