import { describe, expect, it } from 'vitest';
import { runUnderTsx } from './tsx-child/run-under-tsx.js';

// A payment file that exhausts its parse thread's heap is refused (FILE_TOO_COMPLEX) and the server
// lives on — under tsx, as `npm start` runs. The crash this guards against (Node 20 aborting the
// process when a thread dies while V8 optimises its code in the background) came in most runs of
// 60 such files; 40 here keep the file short and still caught it in most runs without the fix.
describe('parse threads out of heap, under tsx', () => {
  it('40 files over the heap limit: each refused FILE_TOO_COMPLEX, the process never aborts', async () => {
    const r = await runUnderTsx('test/tsx-child/parse-pool-oom.ts', ['40'], 110_000);
    expect(r.stderr).not.toMatch(/Assertion failed|FATAL|Native stack trace/);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
    expect(r.json).toEqual([{ step: 'done', codes: { FILE_TOO_COMPLEX: 40 } }]);
  });
});
