import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractEs } from '../../../test/support/document-pack-fixtures.js';
import { createPreviewer, PreviewFailed } from './render-preview.js';

// The preview as it runs: real soffice and pdftoppm in child processes. A tool that fails or hangs
// gives PreviewFailed within the timeout (the pack then says 'unavailable'), and the next conversion
// still runs: one at a time, a failure does not stop the queue.
const dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('render preview', () => {
  it('makes the PDF and a PNG of page 1 with LibreOffice and pdftoppm, twice on one warm profile', async () => {
    const previewer = createPreviewer({ timeoutMs: 60_000 });
    try {
      for (let i = 0; i < 2; i++) {
        const r = await previewer.render(contractEs());
        expect(Buffer.from(r.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
        expect(Buffer.from(r.png.subarray(1, 4)).toString()).toBe('PNG');
      }
    } finally {
      await previewer.close();
    }
  }, 90_000);

  it('fails clearly when the converter fails or hangs, and the queue goes on', async () => {
    const failing = createPreviewer({ timeoutMs: 5_000, soffice: script('fail.sh', 'exit 3') });
    await expect(failing.render(contractEs())).rejects.toThrow(PreviewFailed);
    const hanging = createPreviewer({ timeoutMs: 500, soffice: script('hang.sh', 'sleep 30') });
    const started = Date.now();
    const first = hanging.render(contractEs());
    const second = hanging.render(contractEs());
    await expect(first).rejects.toThrow(/timed out/u);
    await expect(second).rejects.toThrow(/timed out/u);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
