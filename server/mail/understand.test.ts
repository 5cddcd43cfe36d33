import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { dnsTable, type DnsTable } from '../../test/support/mail/dns-table.js';
import { FIXTURE_KEY, FIXTURE_PORTAL } from '../../test/support/mail/fixture-key.js';
import type { BankPolicy } from './auto-apply.js';
import { understandReply, type ReplyContext } from './understand.js';

// Each fixture pins one case the issue names, written the way that client writes it.
const fixture = (name: string): Buffer => readFileSync(new URL(`../../test/fixtures/mail/${name}`, import.meta.url));

const POLICIES: Record<string, BankPolicy> = {
  'bank-rus': { bankId: 'bank-rus', allowedSenders: ['@bank-rus.example'], authentication: 'dmarc', band: { min: '0.5', max: '1' } },
  'banco-norte': {
    bankId: 'banco-norte',
    allowedSenders: ['@banco-norte.example'],
    authentication: 'dmarc',
    band: { min: '0.5', max: '1' },
  },
};
const REQUESTED = {
  'bank-rus': { amount: new Decimal(1_500_000), currency: 'RUB' as const },
  'banco-norte': { amount: new Decimal(150_000), currency: 'MXN' as const },
};

let dns: DnsTable;
let ctx: ReplyContext;
beforeAll(() => {
  dns = dnsTable(['bank-rus.example', 'banco-norte.example', 'lender.example']);
  ctx = {
    portalId: FIXTURE_PORTAL,
    tokenKey: FIXTURE_KEY,
    forwarders: ['ana.lopez@lender.example'],
    policyFor: (b) => POLICIES[b] ?? null,
    requestFor: (deal, b) => (deal === 456 ? (REQUESTED[b as keyof typeof REQUESTED] ?? null) : null),
    resolver: dns.resolver,
  };
});

const signed = async (name: string, domain: string): Promise<Buffer> => dns.sign(fixture(name), domain);

describe('bank replies as the clients write them', () => {
  it('Gmail ru approval, signed by the bank: applied, 1 500 000 RUB, matched by our Message-ID', async () => {
    const r = await understandReply(await signed('reply-gmail-ru-approved.eml', 'bank-rus.example'), ctx);
    expect(r.split.boundary).toBe('ru-gmail');
    expect(r.split.fresh).toBe('Добрый день!\n\nЗаявка по сделке #456 одобрена на сумму 1 500 000 руб.');
    expect(r.match).toEqual({ dealId: 456, bankId: 'bank-rus', by: 'message-id', conflicts: [] });
    expect(r.decision).toMatchObject({ kind: 'approved', currency: 'RUB', amountAmbiguous: false });
    expect(r.decision.amount?.toString()).toBe('1500000');
    expect(r.auth.dmarc).toBe('pass');
    expect(r.verdict).toEqual({ apply: true, reasons: [] });
  });

  it('the same reply unsigned (domain has p=reject): understood but refused for authentication only', async () => {
    const r = await understandReply(fixture('reply-gmail-ru-approved.eml'), ctx);
    expect(r.decision.kind).toBe('approved');
    expect(r.verdict.reasons).toEqual(['sender-not-authenticated']);
  });

  it('a bank whose domain is not set up yet: authentication off in its policy applies the unsigned reply', async () => {
    const off = { ...ctx, policyFor: (b: string) => (POLICIES[b] ? { ...POLICIES[b], authentication: 'off' as const } : null) };
    const r = await understandReply(fixture('reply-gmail-ru-approved.eml'), off);
    expect(r.verdict).toEqual({ apply: true, reasons: [] });
  });

  it('Gmail es "aprobado, 150 000": approved for the requested 150,000 MXN', async () => {
    const r = await understandReply(await signed('reply-gmail-es-approved.eml', 'banco-norte.example'), ctx);
    expect(r.split.fresh).toBe('aprobado, 150 000');
    expect(r.decision).toMatchObject({ kind: 'approved', currency: 'MXN' });
    expect(r.decision.amount?.toString()).toBe('150000');
    expect(r.verdict.apply).toBe(true);
  });

  it('Outlook forward (es) with the rejection written on top: rejected, matched by the token in the forwarded block', async () => {
    const r = await understandReply(await signed('forward-outlook-es-rejected.eml', 'lender.example'), ctx);
    expect(r.split).toMatchObject({ boundary: 'outlook-header', forwarded: true });
    expect(r.split.fresh).toBe('Rechazado. Ver abajo, el banco no aprobó la solicitud.\n\nAna López\nEjecutiva de crédito');
    expect(r.match).toMatchObject({ dealId: 456, bankId: 'banco-norte', by: 'forwarded-token', conflicts: [] });
    expect(r.decision).toMatchObject({ kind: 'rejected', ambiguous: false });
    expect(r.verdict).toEqual({ apply: true, reasons: [] });
  });

  it('Gmail forward (ru) with the counter-offer written on top: 1,2 млн instead of 1,5 млн', async () => {
    const r = await understandReply(await signed('forward-gmail-ru-counter.eml', 'lender.example'), ctx);
    expect(r.split).toMatchObject({
      boundary: 'forward',
      forwarded: true,
      fresh: 'Банк Рус одобрил 1,2 млн руб. вместо 1,5 млн, см. ниже.',
    });
    expect(r.match).toMatchObject({ dealId: 456, bankId: 'bank-rus', by: 'forwarded-token', conflicts: [] });
    expect(r.decision).toMatchObject({ kind: 'counter-offer', currency: 'RUB', amountAmbiguous: false });
    expect(r.decision.amount?.toString()).toBe('1200000');
    expect(r.verdict).toEqual({ apply: true, reasons: [] });
  });

  it('the same forward from someone who is not a forwarder: refused', async () => {
    const r = await understandReply(await signed('forward-outlook-es-rejected.eml', 'lender.example'), { ...ctx, forwarders: [] });
    expect(r.verdict.reasons).toEqual(['sender-not-allowed']);
  });

  it('a forward not signed by our domain: refused even when the bank is set to "off" — a forwarder is judged by our own domain', async () => {
    const off = (b: string) => (POLICIES[b] ? { ...POLICIES[b], authentication: 'off' as const } : null);
    const r = await understandReply(fixture('forward-outlook-es-rejected.eml'), { ...ctx, policyFor: off });
    expect(r.decision.kind).toBe('rejected');
    expect(r.verdict.reasons).toEqual(['sender-not-authenticated']);
  });

  it('a forwarder is a whole address: a domain in the list trusts nobody', async () => {
    const r = await understandReply(await signed('forward-outlook-es-rejected.eml', 'lender.example'), {
      ...ctx,
      forwarders: ['@lender.example'],
    });
    expect(r.verdict.reasons).toEqual(['sender-not-allowed']);
  });

  it('Yandex auto-reply that mentions approvals: refused as an auto-reply', async () => {
    const r = await understandReply(await signed('autoreply-yandex.eml', 'bank-rus.example'), ctx);
    expect(r.autoReply).toBe('Auto-Submitted: auto-replied');
    expect(r.verdict.apply).toBe(false);
    expect(r.verdict.reasons).toContain('auto-reply');
  });

  it('spoofed From: right thread and address, stranger server, no DKIM: refused for authentication', async () => {
    const r = await understandReply(fixture('spoofed-from.eml'), ctx);
    expect(r.decision.kind).toBe('approved');
    expect(r.auth.dmarc).toBe('fail');
    expect(r.verdict.reasons).toEqual(['sender-not-authenticated']);
  });

  it('Apple Mail en counter-offer: $120,000.00 instead of $150,000.00 subject to a guarantor', async () => {
    const r = await understandReply(await signed('reply-applemail-en-counter.eml', 'banco-norte.example'), ctx);
    expect(r.split.fresh).toBe('We can approve $120,000.00 instead of $150,000.00, subject to a guarantor.');
    expect(r.decision).toMatchObject({ kind: 'counter-offer', currency: 'MXN', amountAmbiguous: false });
    expect(r.decision.amount?.toString()).toBe('120000');
    expect(r.verdict).toEqual({ apply: true, reasons: [] });
  });

  it('Mail.ru in KOI8-R: "Одобрено, 1,5 млн руб." read through the charset, signature and quote cut', async () => {
    const r = await understandReply(await signed('koi8r-mailru-approved.eml', 'bank-rus.example'), ctx);
    expect(r.split.fresh).toBe('Одобрено, 1,5 млн руб., срок 36 мес.');
    expect(r.decision).toMatchObject({ kind: 'approved', currency: 'RUB' });
    expect(r.decision.amount?.toString()).toBe('1500000');
    expect(r.verdict.apply).toBe(true);
  });

  it('Outlook HTML-only in windows-1252 (es): the header table and the disclaimer are cut', async () => {
    const r = await understandReply(await signed('html-only-outlook-es-approved.eml', 'banco-norte.example'), ctx);
    expect(r.split.boundary).toBe('outlook-header');
    expect(r.split.fresh).not.toMatch(/CONFIDENCIALIDAD|Solicitamos/);
    expect(r.decision).toMatchObject({ kind: 'approved', currency: 'MXN' });
    expect(r.decision.amount?.toString()).toBe('150000');
    expect(r.verdict.apply).toBe(true);
  });

  it('Outlook ru in windows-1251 with От:/Отправлено:: rejected; the quoted "одобрить" does not count', async () => {
    const r = await understandReply(await signed('reply-outlook-ru-cp1251-rejected.eml', 'bank-rus.example'), ctx);
    expect(r.split.fresh).toBe('Добрый день.\n\nПо заявке принято решение об отказе в выдаче кредита.');
    expect(r.decision.kind).toBe('rejected');
    expect(r.verdict.apply).toBe(true);
  });

  it('an approval only in the quoted text: refused, and the reason says so', async () => {
    const r = await understandReply(await signed('quoted-only-approval.eml', 'banco-norte.example'), ctx);
    expect(r.decision.kind).toBeNull();
    expect(r.quotedDecision.kind).toBe('approved');
    expect(r.verdict.reasons).toEqual(['decision-only-in-quote']);
  });

  it("a reply in deal 456's thread that approves deal 457: refused as a match conflict", async () => {
    const r = await understandReply(await signed('reply-yandex-ru-other-deal.eml', 'bank-rus.example'), ctx);
    expect(r.split.boundary).toBe('ru-yandex');
    expect(r.match.conflicts).toEqual(['text names deal 457']);
    expect(r.verdict.reasons).toContain('match-conflict');
  });

  it('a new message naming the deal only in its subject: never enough to apply', async () => {
    const r = await understandReply(await signed('subject-only-approved.eml', 'bank-rus.example'), ctx);
    expect(r.match).toMatchObject({ dealId: 456, by: 'subject' });
    expect(r.decision.kind).toBe('approved');
    expect(r.verdict.apply).toBe(false);
    expect(r.verdict.reasons).toContain('matched-by-subject-only');
  });

  it('a reply token made for another portal does not verify', async () => {
    const r = await understandReply(await signed('reply-gmail-ru-approved.eml', 'bank-rus.example'), { ...ctx, portalId: 'p-other' });
    expect(r.match.by).toBe('subject');
    expect(r.verdict.reasons).toEqual(expect.arrayContaining(['matched-by-subject-only', 'sender-not-allowed']));
  });
});
