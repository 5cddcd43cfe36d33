// The part of mailauth 4.8.6 (no bundled types) that sender-auth.ts and its tests use.
declare module 'mailauth' {
  export type DnsResolver = (name: string, rrtype: string) => Promise<unknown>;
  export interface AuthStatus {
    result: string;
    aligned?: string | false;
  }
  export interface AuthenticateResult {
    dkim: { headerFrom?: string[]; results?: { signingDomain: string; status: AuthStatus }[] };
    spf: { domain?: string; status: AuthStatus } | false;
    dmarc:
      | { domain?: string; status: AuthStatus; alignment?: { dkim?: { result?: string | false }; spf?: { result?: string | false } } }
      | false;
  }
  export function authenticate(
    input: Buffer | string,
    opts: {
      resolver?: DnsResolver;
      trustReceived?: boolean;
      ip?: string;
      helo?: string;
      sender?: string;
      mta?: string;
      disableArc?: boolean;
      disableBimi?: boolean;
    },
  ): Promise<AuthenticateResult>;
}
declare module 'mailauth/lib/dkim/sign.js' {
  export function dkimSign(
    input: Buffer | string,
    opts: {
      canonicalization?: string;
      /** The t= tag. Give it: without it mailauth 4.8.6 reads the clock twice (the header it signs, the header it writes). */
      signTime?: Date;
      signatureData: { signingDomain: string; selector: string; privateKey: string; algorithm?: string }[];
    },
  ): Promise<{ signatures: string; errors: unknown[] }>;
}
