import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

// No import cycles in production code: a cycle makes load order matter (a value read before its module
// ran is `undefined`) and welds files that should be movable alone.

const root = fileURLToPath(new URL('..', import.meta.url));
const PRODUCTION = ['server', 'lending', 'wire', 'placements', 'widgets', 'emulator', 'templates'];

describe('import graph', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('reads real imports, type-only ones included', () => {
    const graph = importGraph(root, ['emulator']);
    expect(graph.get('emulator/core.ts')).toContain('emulator/state.ts');
    expect(graph.size).toBeGreaterThan(20);
  });

  it(`has no cycle in ${PRODUCTION.join(', ')}`, () => {
    expect(importCycles(importGraph(root, PRODUCTION))).toEqual([]);
  });
});
