import { describe, expect, it } from 'vitest';
import type { BankInput, BankView } from '../../wire/documents.js';
import { ApiError } from '../shared/session-client.js';
import type { DocBanksApi } from './doc-banks-api.js';
import { createDocBanksModel } from './doc-banks-model.js';

const stored: BankView = {
  id: 'b1',
  name: 'Banco Norte',
  emails: [],
  replySenders: [],
  phones: [],
  requiredFields: [],
  replyPolicy: { authentication: 'dmarc', bandMin: '1', bandMax: '1' },
  contactsUnreadable: true,
};

function fakeApi(refuse?: ApiError) {
  const sent: BankInput[] = [];
  const api: DocBanksApi = {
    list: () => Promise.resolve([stored]),
    catalog: () => Promise.resolve([]),
    create: (body) => {
      sent.push(body);
      return refuse ? Promise.reject(refuse) : Promise.resolve({ id: 'b2', ...body });
    },
    update: (id, body) => Promise.resolve({ id, ...body }),
  };
  return { api, sent };
}

describe('the banks screen', () => {
  it('refuses locally beside the input and sends nothing', async () => {
    const { api, sent } = fakeApi();
    const m = createDocBanksModel(api, () => 'es');
    await m.load(true);
    m.startNew();
    m.set('name', 'Banco Sur');
    m.set('emails', 'ana@');
    await m.save();
    expect(m.errors.value).toEqual({ emails: { problem: 'email', entry: 'ana@' } });
    expect(sent).toEqual([]);
    // Typing again clears that input's error only.
    m.set('emails', 'ana@sur.mx');
    expect(m.errors.value).toEqual({});
  });

  it('puts the server’s "name taken" beside the name, keeping what was typed', async () => {
    const { api } = fakeApi(new ApiError(409, 'DOCUMENT_BANK_NAME_TAKEN', 'Ya existe'));
    const m = createDocBanksModel(api, () => 'es');
    await m.load(true);
    m.startNew();
    m.set('name', 'Banco Norte');
    m.set('emails', 'ana@norte.mx');
    await m.save();
    expect(m.errors.value).toEqual({ name: { problem: 'taken' } });
    expect(m.editing.value?.form.emails).toBe('ana@norte.mx');
    expect(m.problem.value).toBeNull();
  });

  it('saves, closes the form and lists the bank; a bank with unreadable contacts opens flagged', async () => {
    const { api, sent } = fakeApi();
    const m = createDocBanksModel(api, () => 'ru');
    await m.load(true);
    m.edit('b1');
    expect(m.editing.value?.unreadable).toBe(true);
    m.cancel();
    m.startNew();
    m.set('name', 'Банк Юг');
    m.set('bandMin', '95,5');
    m.toggleField('borrower.full_name');
    await m.save();
    expect(sent[0]?.replyPolicy).toEqual({ authentication: 'dmarc', bandMin: '0.955', bandMax: '1' });
    expect(sent[0]?.requiredFields).toEqual(['borrower.full_name']);
    expect(m.editing.value).toBeNull();
    expect(m.savedId.value).toBe('b2');
    expect(m.banks.value.map((b) => b.name)).toEqual(['Banco Norte', 'Банк Юг']);
  });
});
