// Document figures (issue 15): one .docx with 300 fields filled, a 15-bank pack of 45 documents
// without PDF, the same pack to PDF through LibreOffice (one soffice run), and the peak RSS.
// Templates are built as Word writes them (every placeholder split across runs, proofErr, bookmarks).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FieldDef } from '../server/documents/docx/fields.js';
import { fillDocx } from '../server/documents/docx/index.js';
import {
  SAMPLE_CATALOG,
  checkboxControl,
  para,
  questionnaireDocx,
  run,
  sampleValues,
  table,
  wordDocx,
  wordSplit,
} from '../test/support/docx-word-fixtures.js';

const FIELDS = 300;

function bigCatalog(): FieldDef[] {
  const own: FieldDef[] = Array.from({ length: FIELDS }, (_, i) => {
    const code = `f.field_${String(i + 1).padStart(3, '0')}`;
    return i % 10 === 0
      ? { code, type: 'money' }
      : i % 10 === 1
        ? { code, type: 'date' }
        : i % 10 === 2
          ? { code, type: 'bool' }
          : { code, type: 'text' };
  });
  return [...(SAMPLE_CATALOG as unknown as FieldDef[]), ...own];
}

function bigValues(catalog: FieldDef[]): Record<string, unknown> {
  const values: Record<string, unknown> = sampleValues();
  for (const d of catalog) {
    if (!d.code.startsWith('f.')) continue;
    values[d.code] =
      d.type === 'money'
        ? { amount: '150000.00', currency: 'RUB' }
        : d.type === 'date'
          ? '2026-12-04'
          : d.type === 'bool'
            ? true
            : `Значение поля ${d.code}`;
  }
  return values;
}

/** A 300-field questionnaire: two fields a paragraph, bool fields as check boxes, a co-borrower table. */
function bigTemplate(catalog: FieldDef[]): Uint8Array {
  const own = catalog.filter((d) => d.code.startsWith('f.'));
  const parts: string[] = [];
  for (let i = 0; i < own.length; i += 2) {
    const cells = own
      .slice(i, i + 2)
      .map((d) =>
        d.type === 'money' ? wordSplit(`{{${d.code}|words}}`) : d.type === 'bool' ? checkboxControl(d.code) : wordSplit(`{{${d.code}}}`),
      );
    parts.push(para(run(`Поле ${i + 1}: `), cells[0] ?? '', run(' · '), cells[1] ?? ''));
  }
  parts.push(
    table(
      [[para(run('Созаёмщик'))], [para(run('Доход'))]],
      [[para(wordSplit('{{#each coborrowers}}'), wordSplit('{{name}}'))], [para(wordSplit('{{income|words}}'), wordSplit('{{/each}}'))]],
    ),
  );
  return wordDocx({
    body: parts.join(''),
    header: para(run('Анкета '), wordSplit('{{contract.number}}')),
    footer: para(wordSplit('{{borrower.full_name}}')),
  });
}

function contractTemplate(): Uint8Array {
  return wordDocx({
    body: Array.from({ length: 40 }, (_, i) =>
      para(
        run(`${i + 1}. Заёмщик `),
        wordSplit('{{borrower.full_name}}'),
        run(' получает '),
        wordSplit('{{loan.amount}}'),
        run(' ('),
        wordSplit('{{loan.amount|words}}'),
        run(').'),
      ),
    ).join(''),
    footer: para(run('Договор '), wordSplit('{{contract.number}}'), run(' от '), wordSplit('{{contract.date|long}}')),
  });
}

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export default async function (): Promise<void> {
  const catalog = bigCatalog();
  const values = bigValues(catalog);
  const big = bigTemplate(catalog);
  for (let i = 0; i < 3; i++) fillDocx(big, values, { lang: 'ru', catalog });
  const runs = Array.from({ length: 15 }, () => timeMs(() => fillDocx(big, values, { lang: 'ru', catalog }))).sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)] ?? NaN;
  console.log(
    `one document, ${FIELDS} fields filled: median ${median.toFixed(1)} ms, worst ${(runs.at(-1) ?? NaN).toFixed(1)} ms (target ≤ 150 ms; template ${(big.length / 1024).toFixed(0)} KB)`,
  );

  // A 15-bank pack: each bank's questionnaire (300 fields), its contract and the shared questionnaire.
  const templates = [big, contractTemplate(), questionnaireDocx()];
  const pack: Record<string, Uint8Array> = {};
  const packMs = timeMs(() => {
    for (let bank = 1; bank <= 15; bank++) {
      templates.forEach((t, k) => {
        pack[`bank${bank}-doc${k + 1}`] = fillDocx(t, values, { lang: bank % 2 ? 'ru' : 'es', catalog }).bytes;
      });
    }
  });
  const packKb = Object.values(pack).reduce((s, b) => s + b.length, 0) / 1024;
  console.log(
    `15-bank pack, ${Object.keys(pack).length} documents without PDF: ${packMs.toFixed(0)} ms (target ≤ 10 000 ms; ${packKb.toFixed(0)} KB of .docx)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'docx-bench-'));
  try {
    const paths = Object.entries(pack).map(([name, bytes]) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, bytes);
      return path;
    });
    const pdfMs = timeMs(() => {
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
        {
          stdio: 'pipe',
        },
      );
    });
    console.log(
      `the same pack to PDF (LibreOffice, one soffice run, cold profile): ${pdfMs.toFixed(0)} ms — ${(pdfMs / paths.length).toFixed(0)} ms a document`,
    );
  } catch (e) {
    console.log(`PDF: not measured — ${(e as Error).message.split('\n')[0]} (bash scripts/ensure-system-deps.sh installs LibreOffice)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target ≤ 512 MB)`);
}
