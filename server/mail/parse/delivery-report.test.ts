import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deliveryReportOf } from './delivery-report.js';

// Delivery reports as Postfix, Exchange, Gmail and Exim write them: each names our original's
// Message-ID and the outcome; a bank's ordinary reply is not one.

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/mail/${name}`, import.meta.url));
const ORIGINAL = '<d42.b0123456789ab.abcdefghijklmnop.mac@lender.example>';

describe('deliveryReportOf', () => {
  it('a Postfix success DSN is delivered, with the remote server reply', async () => {
    const r = await deliveryReportOf(fixture('dsn-delivered.eml'));
    expect(r?.outcome).toBe('delivered');
    expect(r?.originalIds[0]).toBe(ORIGINAL);
    expect(r?.diagnostic).toBe('credit@bank-rus.example: 250 2.0.0 Ok: queued as 7D3E2C0104');
  });

  it('a Postfix bounce (user unknown) is failed with the unfolded diagnostic', async () => {
    const r = await deliveryReportOf(fixture('bounce-postfix-user-unknown.eml'));
    expect(r?.outcome).toBe('failed');
    expect(r?.originalIds).toEqual([ORIGINAL]);
    expect(r?.diagnostic).toBe(
      'ivanov@bank-rus.example: 550 5.1.1 <ivanov@bank-rus.example>: Recipient address rejected: User unknown in virtual mailbox table',
    );
  });

  it('an Exchange NDR (HTML notice, rfc822-headers) is failed', async () => {
    const r = await deliveryReportOf(fixture('bounce-exchange-ndr.eml'));
    expect(r?.outcome).toBe('failed');
    expect(r?.originalIds).toEqual([ORIGINAL]);
    expect(r?.diagnostic).toContain('RESOLVER.ADR.RecipientNotFound');
  });

  it('a Gmail bounce (mailbox full) is failed', async () => {
    const r = await deliveryReportOf(fixture('bounce-gmail-mailbox-full.eml'));
    expect(r?.outcome).toBe('failed');
    expect(r?.originalIds).toEqual([ORIGINAL]);
    expect(r?.diagnostic).toMatch(/^ana\.lopez@gmail\.com: 552-5\.2\.2 The recipient's inbox is out of storage space/);
  });

  it('a plain Exim bounce from Mailer-Daemon finds the Message-ID in the returned copy', async () => {
    const r = await deliveryReportOf(fixture('bounce-exim-plain.eml'));
    expect(r?.outcome).toBe('failed');
    expect(r?.originalIds).toEqual([ORIGINAL]);
    expect(r?.diagnostic).toContain('Mail delivery failed');
  });

  it("a bank's reply, even one threading to our Message-ID, is not a delivery report", async () => {
    for (const f of ['reply-gmail-ru-approved.eml', 'autoreply-yandex.eml', 'forward-outlook-es-rejected.eml'])
      expect(await deliveryReportOf(fixture(f))).toBeNull();
  });
});
