import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import type { DnsResolver } from 'mailauth';

// A DNS that answers from a table, for DKIM/DMARC checks without the network: each domain gets a
// fresh RSA key published at sel._domainkey and a DMARC record with p=reject. `sign` DKIM-signs a
// raw message as that domain's mail server would.

export interface DnsTable {
  resolver: DnsResolver;
  sign(raw: Buffer, domain: string): Promise<Buffer>;
}

export function dnsTable(domains: string[]): DnsTable {
  const keys = new Map<string, string>();
  const txt = new Map<string, string[][]>();
  for (const d of domains) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys.set(d, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const pub = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    txt.set(`sel._domainkey.${d}`, [[`v=DKIM1; k=rsa; p=${pub}`]]);
    txt.set(`_dmarc.${d}`, [['v=DMARC1; p=reject; adkim=r; aspf=r']]);
  }
  const resolver: DnsResolver = async (name, rrtype) => {
    const hit = rrtype === 'TXT' ? txt.get(name.toLowerCase()) : undefined;
    if (hit) return hit;
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
  return {
    resolver,
    async sign(raw, domain) {
      const privateKey = keys.get(domain);
      if (!privateKey) throw new Error(`no key for ${domain}`);
      const r = await dkimSign(raw, {
        canonicalization: 'relaxed/relaxed',
        // One instant for t=: left to mailauth, it reads the clock once for the header it signs and again
        // for the header it writes, and a half-second boundary between the two (Math.round) made about one
        // signature in 300 wrong — a bank's correctly signed reply then "failed" DKIM in a test.
        signTime: new Date(),
        signatureData: [{ signingDomain: domain, selector: 'sel', privateKey }],
      });
      return Buffer.concat([Buffer.from(r.signatures), raw]);
    },
  };
}
