import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readBlacklistFile } from './blacklist-file.js';

describe('a blacklist file as lenders keep it', () => {
  it('reads a Windows-1251 CSV with Russian headers, phones and passports normalised', () => {
    const csv = iconv.encode('Телефон;Паспорт;Причина\n8 (912) 345-67-89;45 06 123456;мошенничество\n;4507 654321;\n', 'win1251');
    expect(readBlacklistFile(csv, 'RU')).toEqual({
      ok: true,
      entries: [
        { kind: 'phone', value: '79123456789', reason: 'мошенничество', line: 2 },
        { kind: 'document', value: '4506123456', reason: 'мошенничество', line: 2 },
        { kind: 'document', value: '4507654321', reason: null, line: 3 },
      ],
    });
  });

  it('reads Spanish headers (Teléfono, CURP)', () => {
    const csv = Buffer.from('Teléfono,CURP,Motivo\n55 1234 5678,GOMC800101HDFXXX09,fraude\n', 'utf8');
    const r = readBlacklistFile(csv, 'MX');
    expect(r.ok && r.entries.map((e) => e.value)).toEqual(['525512345678', 'GOMC800101HDFXXX09']);
  });

  it('refuses the whole file with every bad line, and a file without a phone or document column', () => {
    const csv = Buffer.from('phone;reason\n+7 912 345 67 89;x\nnot a phone;y\n;z\n', 'utf8');
    expect(readBlacklistFile(csv, 'RU')).toEqual({
      ok: false,
      issues: [
        { line: 3, column: 'phone', code: 'BLACKLIST_BAD_PHONE' },
        { line: 4, column: 'phone', code: 'BLACKLIST_EMPTY_ROW' },
      ],
    });
    expect(readBlacklistFile(Buffer.from('name;city\nIvan;Perm\n'), 'RU')).toEqual({ ok: false, headerMissing: true });
  });
});
