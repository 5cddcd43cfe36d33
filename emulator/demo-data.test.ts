import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator } from './index.js';
import { CLIENT } from './test-support/setup.js';

async function call(em: Emulator, token: string, method: string, params: Record<string, unknown> = {}) {
  const r = await fetch(`${em.url}/rest/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, auth: token }),
  });
  return (await r.json()) as { result: unknown; total?: number };
}

describe('emulator demo data and state file', () => {
  const dirs: string[] = [];
  let em: Emulator | undefined;
  afterEach(async () => {
    await em?.close();
    em = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it.each([
    ['es', 'Préstamos', 'Solicitud', 'Llamadas de verificación'],
    ['ru', 'Займы', 'Заявка', 'Звонки-проверки'],
  ] as const)('a %s demo portal names its pipeline and stages in its language', async (lang, pipeline, first, second) => {
    em = await createEmulator({ ...CLIENT, seedDemoData: lang, rateLimit: false });
    const { auth } = await em.installApp({});
    expect(em.state.portal.languageId).toBe(lang);
    const cats = (await call(em, auth.accessToken, 'crm.category.list', { entityTypeId: 2 })).result as {
      categories: { id: number; name: string }[];
    };
    const loans = cats.categories.find((c) => c.name === pipeline)!;
    const stages = (await call(em, auth.accessToken, 'crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${loans.id}` } })).result as {
      NAME: string;
    }[];
    expect(stages.slice(0, 2).map((s) => s.NAME)).toEqual([first, second]);
  });

  it('seeds users with roles, the Loans pipeline with MFO stages and ~20 MXN/RUB deals with contacts', async () => {
    em = await createEmulator({ ...CLIENT, seedDemoData: true, rateLimit: false });
    const { auth } = await em.installApp({});
    expect(em.state.users.map((u) => u.role)).toEqual(
      expect.arrayContaining(['admin', 'credit_manager', 'underwriter', 'manager', 'collector']),
    );
    const cats = (await call(em, auth.accessToken, 'crm.category.list', { entityTypeId: 2 })).result as {
      categories: { id: number; name: string }[];
    };
    const loans = cats.categories.find((c) => c.name === 'Loans')!;
    const stages = (await call(em, auth.accessToken, 'crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${loans.id}` } })).result as {
      STATUS_ID: string;
    }[];
    expect(stages.map((s) => s.STATUS_ID.split(':')[1])).toEqual([
      'NEW',
      'VERIFICATION',
      'UNDERWRITING',
      'APPROVED',
      'CONTRACT_SIGNED',
      'ISSUED',
      'REPAYING',
      'OVERDUE',
      'WON',
      'LOSE',
    ]);
    const deals = await call(em, auth.accessToken, 'crm.deal.list', {
      filter: { CATEGORY_ID: loans.id },
      select: ['ID', 'CURRENCY_ID', 'CONTACT_ID'],
    });
    expect(deals.total).toBe(20);
    const currencies = new Set((deals.result as { CURRENCY_ID: string }[]).map((d) => d.CURRENCY_ID));
    expect(currencies).toEqual(new Set(['MXN', 'RUB']));
    const first = (deals.result as { CONTACT_ID: string }[])[0]!;
    const contact = (await call(em, auth.accessToken, 'crm.contact.get', { id: first.CONTACT_ID })).result as {
      PHONE: { VALUE: string }[];
    };
    expect(contact.PHONE[0]!.VALUE).toMatch(/^\+(52|7)\d{10}$/);
    // Two borrowers' deals carry their employer, readable with crm.company.get.
    const withCompany = await call(em, auth.accessToken, 'crm.deal.list', { filter: { '>COMPANY_ID': 0 }, select: ['COMPANY_ID'] });
    const companyIds = (withCompany.result as { COMPANY_ID: string }[]).map((d) => d.COMPANY_ID);
    expect(companyIds).toHaveLength(2);
    const titles = await Promise.all(
      companyIds.map(async (id) => ((await call(em!, auth.accessToken, 'crm.company.get', { id })).result as { TITLE: string }).TITLE),
    );
    expect(titles).toEqual(['Transportes del Bajío SA de CV', 'ООО «Северный ветер»']);
  });

  it('persists to the state file: deals, install and tokens survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-'));
    dirs.push(dir);
    const stateFile = join(dir, 'portal.json');
    em = await createEmulator({ ...CLIENT, stateFile, seedDemoData: true, rateLimit: false });
    const { auth } = await em.installApp({});
    const id = (await call(em, auth.accessToken, 'crm.deal.add', { fields: { TITLE: 'Survivor' } })).result as number;
    await em.close();
    em = await createEmulator({ ...CLIENT, stateFile, seedDemoData: true, rateLimit: false });
    const deal = (await call(em, auth.accessToken, 'crm.deal.get', { id })).result as { TITLE: string };
    expect(deal.TITLE).toBe('Survivor');
    expect((await call(em, auth.accessToken, 'crm.deal.list')).total).toBe(21);
  });
});
