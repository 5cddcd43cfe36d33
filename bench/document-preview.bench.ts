// A pack's previews as the app makes them (issue 15, item 5): one document at a time through the
// previewer (soffice → PDF, pdftoppm → page-1 PNG), the first on a cold LibreOffice profile, the
// rest warm. A 45-document pack's preview time is about 45 × the warm figure; the documents
// themselves are filled in the docx bench's time.
import { performance } from 'node:perf_hooks';
import type { FieldDef } from '../server/documents/docx/fields.js';
import { fillDocx } from '../server/documents/docx/index.js';
import { createPreviewer } from '../server/documents/preview/render-preview.js';
import { SAMPLE_CATALOG, questionnaireDocx, sampleValues } from '../test/support/docx-word-fixtures.js';

const WARM_RUNS = 5;

export default async function (): Promise<void> {
  const doc = fillDocx(questionnaireDocx(), sampleValues(), { lang: 'ru', catalog: SAMPLE_CATALOG as unknown as FieldDef[] }).bytes;
  const previewer = createPreviewer({ timeoutMs: 60_000 });
  try {
    const t0 = performance.now();
    await previewer.render(doc);
    const coldMs = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = performance.now();
      await previewer.render(doc);
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)] ?? NaN;
    console.log(
      `one document's PDF + page-1 PNG: cold ${coldMs.toFixed(0)} ms, warm median ${median.toFixed(0)} ms — a 45-document pack's previews ≈ ${((45 * median) / 1000).toFixed(0)} s, serial`,
    );
  } catch (e) {
    console.log(
      `preview: not measured — ${(e as Error).message} (bash scripts/ensure-system-deps.sh installs LibreOffice and poppler-utils)`,
    );
  } finally {
    await previewer.close();
  }
}
