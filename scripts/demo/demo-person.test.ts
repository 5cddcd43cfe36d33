import { describe, expect, it } from 'vitest';
import { CLIENTS } from '../../emulator/demo-data.js';
import { normalizeDocument, normalizePhone } from '../../server/checks/normalize.js';
import { toFillerFields } from '../../server/documents/catalog/catalog-field.js';
import { checkValues } from '../../server/documents/docx/check-values.js';
import { checkLimits } from '../../server/documents/values/value-limits.js';
import { curpCheckDigit, demoPerson, isValidCurp, isValidInn, isValidRfc, isValidSnils, rfcCheckDigit, snilsCheck } from './demo-person.js';
import { DEMO_CATALOG, demoValues } from './document-packs.js';

// The demo's clients as the Documents tab shows them: each their own person (a user trial found every
// Mexican deal with one CURP, address and phone), the same on every run, in their country's formats,
// and accepted by the app's own checks of a value.
const deals = CLIENTS.map((c, i) => ({
  id: i + 1,
  title: `${c.country === 'MX' ? 'Préstamo personal' : 'Заём'} — ${c.name} ${c.lastName}`,
  currency: c.country === 'MX' ? 'MXN' : 'RUB',
  amount: String(c.amount),
  phone: c.phone,
  contractDate: '2026-06-06',
}));
const values = deals.map((d, n) => demoValues(d, n));
const PERSONAL = ['borrower.birth_date', 'borrower.address', 'borrower.passport', 'borrower.tax_id', 'borrower.phone'];

describe('demo clients’ personal data', () => {
  it('check digits agree with published examples (RENAPO, SAT, СНИЛС, ИНН)', () => {
    expect(curpCheckDigit('HEGG560427MVZRRL0')).toBe('4');
    expect(rfcCheckDigit('GODE561231GR')).toBe('8');
    expect(snilsCheck('112233445')).toBe('95');
    expect(isValidInn('500100732259')).toBe(true);
  });

  it('no two demo clients share a birth date, ID, tax id, address, phone or СНИЛС', () => {
    for (const code of [...PERSONAL, 'borrower.snils']) {
      const seen = values.map((v) => v[code]).filter((x) => x !== undefined);
      expect(new Set(seen).size, code).toBe(seen.length);
    }
    const incomes = values.map((v) => JSON.stringify(v['borrower.monthly_income']));
    expect(new Set(incomes).size, 'incomes').toBeGreaterThan(values.length / 2);
    expect(values.filter((v) => v['borrower.snils'] !== undefined)).toHaveLength(CLIENTS.filter((c) => c.country === 'RU').length);
  });

  it('is the same on every run', () => {
    expect(deals.map((d, n) => demoValues(d, n))).toEqual(values);
    expect(demoPerson('Jorge Morales', 'MX')).toEqual(demoPerson('Jorge Morales', 'MX'));
  });

  it('is in the country’s formats, valid, and keeps the portal contact’s phone', () => {
    deals.forEach((d, n) => {
      const v = values[n]!;
      const client = CLIENTS[n]!;
      const birth = String(v['borrower.birth_date']);
      if (client.country === 'MX') {
        const curp = String(v['borrower.passport']);
        expect(isValidCurp(curp), curp).toBe(true);
        expect(curp.slice(4, 10)).toBe(birth.slice(2).replace(/-/g, ''));
        expect(isValidRfc(String(v['borrower.tax_id'])), String(v['borrower.tax_id'])).toBe(true);
        expect(v['borrower.phone']).toMatch(/^\+52 \d{2} \d{4} \d{4}$/);
        expect(v['borrower.address']).toMatch(/C\.P\. \d{5}, /);
      } else {
        expect(v['borrower.passport']).toMatch(/^\d{4} \d{6}$/);
        expect(isValidSnils(String(v['borrower.snils']))).toBe(true);
        expect(isValidInn(String(v['borrower.tax_id']))).toBe(true);
        expect(v['borrower.phone']).toMatch(/^\+7 9\d{2} \d{3}-\d{2}-\d{2}$/);
        expect(v['borrower.address']).toMatch(/^г\. .+, д\. \d+, кв\. \d+$/);
      }
      if (client.phone) expect(normalizePhone(String(v['borrower.phone']), client.country)).toBe(client.phone.slice(1));
    });
  });

  it('passes the app’s own checks: each field’s type and limits, phone and document normal forms', () => {
    const catalog = new Map(DEMO_CATALOG.map((f) => [f.code, f]));
    values.forEach((v, n) => {
      for (const [code, value] of Object.entries(v)) {
        const f = catalog.get(code);
        expect(f, code).toBeDefined();
        expect(() => checkValues(toFillerFields([f!]), { [code]: value }, 'en'), `${n} ${code}`).not.toThrow();
        expect(() => checkLimits(f!, value, 'en'), `${n} ${code}`).not.toThrow();
      }
      expect(normalizePhone(String(v['borrower.phone']), CLIENTS[n]!.country)).not.toBeNull();
      for (const code of ['borrower.passport', 'borrower.tax_id']) expect(normalizeDocument(String(v[code]))).not.toBeNull();
    });
  });
});
