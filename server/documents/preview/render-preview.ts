// The first page of a filled .docx as PNG, and the whole document as PDF (issue 15, item 5):
// LibreOffice headless converts to PDF, poppler's pdftoppm draws page 1. Each conversion runs in child
// processes with a timeout and its own temp dir, one at a time per process — soffice takes hundreds of
// MB and a core; the machine has two. The previewer's conversions share one LibreOffice profile (made
// on the first, removed on close): serial, they never contend for its lock, and a warm profile saves
// seconds a document; another process has its own.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Rendered {
  pdf: Uint8Array;
  png: Uint8Array;
}

export interface Previewer {
  render(docx: Uint8Array): Promise<Rendered>;
  /** Waits for the conversion under way and removes the profile. */
  close(): Promise<void>;
}

export interface PreviewerOptions {
  /** Per conversion (soffice, then pdftoppm). */
  timeoutMs: number;
  /** Executables, for a test that makes the tool fail. */
  soffice?: string;
  pdftoppm?: string;
  /** Resolution of the page image. */
  dpi?: number;
}

export class PreviewFailed extends Error {
  override name = 'PreviewFailed';
}

export function createPreviewer(o: PreviewerOptions): Previewer {
  let queue: Promise<unknown> = Promise.resolve();
  let profile: string | null = null;
  return {
    render(docx) {
      const next = queue.then(async () => {
        profile ??= await mkdtemp(join(tmpdir(), 'b24-preview-profile-'));
        try {
          return await renderOnce(docx, o, profile);
        } catch (e) {
          // A killed soffice may leave its lock in the profile: the next conversion starts a fresh one.
          await rm(profile, { recursive: true, force: true });
          profile = null;
          throw e;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      if (profile) await rm(profile, { recursive: true, force: true });
      profile = null;
    },
  };
}

async function renderOnce(docx: Uint8Array, o: PreviewerOptions, profile: string): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), 'b24-preview-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    const deadline = Date.now() + o.timeoutMs;
    await run(
      o.soffice ?? 'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      deadline,
    );
    const pdf = await readFile(join(dir, 'document.pdf')).catch(() => {
      throw new PreviewFailed('LibreOffice made no PDF');
    });
    await run(
      o.pdftoppm ?? 'pdftoppm',
      ['-png', '-f', '1', '-l', '1', '-r', String(o.dpi ?? 72), '-singlefile', join(dir, 'document.pdf'), join(dir, 'page')],
      deadline,
    );
    const png = await readFile(join(dir, 'page.png')).catch(() => {
      throw new PreviewFailed('pdftoppm made no image');
    });
    return { pdf: new Uint8Array(pdf), png: new Uint8Array(png) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a tool in its own process group, killed with its children when the deadline passes. */
function run(cmd: string, args: string[], deadlineMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    const timer = setTimeout(
      () => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        reject(new PreviewFailed(`${cmd} timed out`));
      },
      Math.max(1, deadlineMs - Date.now()),
    );
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new PreviewFailed(`${cmd}: ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new PreviewFailed(`${cmd} exited with ${code}`));
    });
  });
}
