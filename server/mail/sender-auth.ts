import { authenticate, type DnsResolver } from 'mailauth';

// Is the From: domain really the sender? mailauth (4.8.6: 7.x pulls undici 8, which crashes on
// Node 20) checks DKIM signatures and DMARC alignment from the stored message. The mailbox is read
// over IMAP, so the SMTP client's IP comes from the receiving server's Received: line
// (trustReceived) — the MX that wrote it is ours, the lines below it are not trusted. The result is
// plain data for auto-apply.ts; tests pass a resolver that answers from a table (no DNS).

export interface SenderAuth {
  /** DMARC result for the From: domain: pass | fail | none | temperror | … ; 'none' when not checked. */
  dmarc: string;
  /** A passing DKIM signature whose domain aligns with From: (relaxed), even without a DMARC record. */
  dkimAligned: boolean;
  spf: string;
}

export const NOT_CHECKED: SenderAuth = { dmarc: 'none', dkimAligned: false, spf: 'none' };

export async function checkSenderAuth(raw: Buffer, opts: { resolver?: DnsResolver; mta?: string } = {}): Promise<SenderAuth> {
  try {
    const r = await authenticate(raw, {
      trustReceived: true,
      resolver: opts.resolver,
      mta: opts.mta ?? 'mailbox.local',
      disableArc: true,
      disableBimi: true,
    });
    return {
      dmarc: r.dmarc ? r.dmarc.status.result : 'none',
      dkimAligned: (r.dkim.results ?? []).some((d) => d.status.result === 'pass' && Boolean(d.status.aligned)),
      spf: r.spf ? r.spf.status.result : 'none',
    };
  } catch {
    return { ...NOT_CHECKED, dmarc: 'temperror' };
  }
}
