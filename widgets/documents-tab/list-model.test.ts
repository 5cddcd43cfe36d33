import { describe, expect, it } from 'vitest';
import type { ValuesView } from '../../wire/documents.js';
import { ApiError, type DocumentsApi } from './api.js';
import { createDocumentsModel } from './model.js';

// A list field edited row by row against a stand-in API that keeps the values: an added row is kept
// here until a cell has a value, each change saves the list whole (base or one bank's override), a
// refusal keeps the cell's text and shows under the list, a removed row goes from the saved list.
type Rows = Record<string, unknown>[];

function listApi() {
  const calls: string[] = [];
  let base: Rows | undefined;
  let override: Rows | undefined;
  const view = (): ValuesView => ({
    catalogVersion: 1,
    base: base ? { coborrowers: base } : {},
    banks: [
      {
        bankId: 'b1',
        name: 'Banco',
        values: override
          ? [{ code: 'coborrowers', value: override, source: 'override' }]
          : base
            ? [{ code: 'coborrowers', value: base, source: 'base' }]
            : [],
        required: 0,
        missing: [],
      },
    ],
  });
  const api = {
    calls,
    openApplication: async () => ({ id: 'a', dealId: 7, catalogVersion: 1, createdAt: '' }),
    catalogVersion: async () => [],
    versions: async () => [],
    values: async () => view(),
    saveValues: async (bankId: string | null, values: Record<string, unknown>) => {
      calls.push(`save ${bankId ?? 'base'} ${JSON.stringify(values)}`);
      const rows = values.coborrowers as Rows | null;
      const amount = (r: Record<string, unknown>) => (r.income as { amount?: string } | undefined)?.amount;
      // The server names the refused cell in its details (check-values.ts), rows from 1.
      if (rows?.some((r) => amount(r) === 'mil'))
        throw new ApiError(422, 'DOCUMENT_VALUE_TYPE', 'El campo «Coacreditados», fila 1, «Ingreso» debe ser: un importe.', {
          code: 'coborrowers[1].income',
          expected: 'money',
        });
      if (rows?.some((r) => amount(r) === 'x')) throw new ApiError(422, 'DOCUMENT_VALUE_LIMIT', 'Demasiadas filas.');
      if (bankId === null) base = rows ?? undefined;
      else override = rows ?? undefined;
      return view();
    },
    resetToBase: async () => {
      override = undefined;
      return view();
    },
    packs: async () => [],
    scans: async () => [],
  } as unknown as DocumentsApi & { calls: string[] };
  return api;
}

const model = (api: DocumentsApi) => createDocumentsModel({ api, locale: 'es', currency: 'MXN', sleep: async () => undefined });

describe('documents tab: list fields', () => {
  it('adds rows here, saves the list whole once a cell has a value, and removes a row', async () => {
    const api = listApi();
    const m = model(api);
    await m.load();
    m.addRow('coborrowers');
    m.addRow('coborrowers');
    expect(m.listRows('coborrowers')).toEqual({ saved: [], pending: 2 });
    expect(api.calls).toEqual([]);
    await m.saveCell('coborrowers', 0, 'name', 'Laura Méndez', 'Laura Méndez');
    await m.saveCell('coborrowers', 1, 'income', { amount: '15000.50', currency: 'MXN' }, '15,000.50');
    expect(m.listRows('coborrowers')).toEqual({
      saved: [{ name: 'Laura Méndez' }, { income: { amount: '15000.50', currency: 'MXN' } }],
      pending: 0,
    });
    await m.saveCell('coborrowers', 1, 'name', 'Raúl Gómez', 'Raúl Gómez');
    expect(api.calls.at(-1)).toBe(
      'save base {"coborrowers":[{"name":"Laura Méndez"},{"income":{"amount":"15000.50","currency":"MXN"},"name":"Raúl Gómez"}]}',
    );
    await m.removeRow('coborrowers', 0);
    expect(m.listRows('coborrowers').saved.map((r) => r.name)).toEqual(['Raúl Gómez']);
    await m.removeRow('coborrowers', 0);
    expect(api.calls.at(-1)).toBe('save base {"coborrowers":null}');
  });

  it('an empty cell of an unsaved row saves nothing', async () => {
    const api = listApi();
    const m = model(api);
    await m.load();
    m.addRow('coborrowers');
    await m.saveCell('coborrowers', 0, 'name', null, '');
    expect(api.calls).toEqual([]);
    expect(m.listRows('coborrowers').pending).toBe(1);
  });

  it('keeps the typed text of a refused cell, with the message on that cell alone (the list when no cell is named)', async () => {
    const m = model(listApi());
    await m.load();
    m.addRow('coborrowers');
    m.typeCell('coborrowers', 0, 'income', 'mil');
    await m.saveCell('coborrowers', 0, 'income', { amount: 'mil', currency: 'MXN' }, 'mil');
    const cell = m.cellKey('coborrowers', 0, 'income');
    expect(m.drafts.value[cell]).toBe('mil');
    expect(m.errors.value[cell]).toBe('El campo «Coacreditados», fila 1, «Ingreso» debe ser: un importe.');
    // Not the list: a user trial saw every cell of the row turn red with the message under "Add row".
    expect(m.errors.value[m.keyOf('', 'coborrowers')]).toBeUndefined();
    expect(m.listRows('coborrowers').pending).toBe(1);
    await m.saveCell('coborrowers', 0, 'income', { amount: 'x', currency: 'MXN' }, 'x');
    expect(m.errors.value[m.keyOf('', 'coborrowers')]).toBe('Demasiadas filas.');
    // A save that goes through clears the list's message and its cells'.
    await m.saveCell('coborrowers', 0, 'income', { amount: '1.00', currency: 'MXN' }, '1.00');
    expect(Object.keys(m.errors.value)).toEqual([]);
  });

  it('in a bank’s view the list is inherited, then overridden whole, and reset to base', async () => {
    const api = listApi();
    const m = model(api);
    await m.load();
    m.addRow('coborrowers');
    await m.saveCell('coborrowers', 0, 'name', 'Laura', 'Laura');
    m.selectScope('b1');
    expect(m.shown('coborrowers')).toEqual({ value: [{ name: 'Laura' }], source: 'base' });
    await m.saveCell('coborrowers', 0, 'name', 'Laura M.', 'Laura M.');
    expect(api.calls.at(-1)).toBe('save b1 {"coborrowers":[{"name":"Laura M."}]}');
    expect(m.shown('coborrowers').source).toBe('override');
    await m.resetToBase('coborrowers');
    expect(m.shown('coborrowers')).toEqual({ value: [{ name: 'Laura' }], source: 'base' });
  });
});
