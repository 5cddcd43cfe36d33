// The filled documents open in LibreOffice (the converter the pack's PDF and preview use): each is
// converted to PDF by `soffice --headless`, as the app will run it, and the PDF's text is read back.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldDef } from '../server/documents/docx/fields.js';
import { fillDocx } from '../server/documents/docx/index.js';
import { SAMPLE_CATALOG, para, questionnaireDocx, run, sampleValues, wordDocx, wordSplit } from './support/docx-word-fixtures.js';

const catalog = SAMPLE_CATALOG as unknown as FieldDef[];
let dir = '';

function requireTool(cmd: string): void {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    throw new Error(
      `${cmd} is missing: run "bash scripts/ensure-system-deps.sh" (apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils)`,
    );
  }
}

beforeAll(() => {
  requireTool('soffice');
  requireTool('pdftotext');
  dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Converts in one soffice run with its own profile, so parallel runs never share a lock. */
function toPdfText(files: Record<string, Uint8Array>): Record<string, string> {
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    return path;
  });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    {
      stdio: 'pipe',
      timeout: 110_000,
    },
  );
  const out: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    const pdf = join(dir, `${name}.pdf`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    out[name] = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  }
  return out;
}

describe('filled .docx in LibreOffice', () => {
  it('converts the ru questionnaire and an es contract to PDF with the filled text, rows and boxes', () => {
    const ru = fillDocx(questionnaireDocx(), sampleValues(), { lang: 'ru', catalog }).bytes;
    const contract = wordDocx({
      body:
        para(run('CONTRATO DE CRÉDITO ', { bold: true }), wordSplit('{{contract.number}}')) +
        para(run('Monto: '), wordSplit('{{loan.amount}}'), run(' ('), wordSplit('{{loan.amount|words}}'), run(')')) +
        para(run('Fecha: '), wordSplit('{{contract.date|long}}')),
      footer: para(run('Acreditado: '), wordSplit('{{borrower.full_name}}')),
    });
    const es = fillDocx(
      contract,
      sampleValues({ 'loan.amount': { amount: '150000', currency: 'MXN' }, 'borrower.full_name': 'María López' }),
      {
        lang: 'es',
        catalog,
      },
    ).bytes;
    const text = toPdfText({ ru, es });
    expect(text.ru).toContain('ФИО: Иванова Анна Сергеевна, дата рождения: 14 марта 1988 г.');
    expect(text.ru).toContain('(сто пятьдесят тысяч рублей 00 копеек)');
    expect(text.ru).toMatch(/Петров Олег 30\.11\.1979 120 000,00 ₽/u);
    expect(text.ru).toContain('☒ авто ☐ жильё');
    expect(text.ru).toContain('Банк: анкета к договору К-2026/0042');
    expect(text.ru).not.toContain('{{');
    expect(text.es).toContain('Monto: $150,000.00 (ciento cincuenta mil pesos 00/100 M.N.)');
    expect(text.es).toContain('Fecha: 4 de diciembre de 2026');
    expect(text.es).toContain('Acreditado: María López');
  });
});
