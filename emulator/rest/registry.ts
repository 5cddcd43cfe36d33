// The table of REST methods. Each area file (methods/*.ts) exports a MethodTable; index.ts merges them.
// Later helpers add methods by exporting another table and listing it in methods/index.ts.
// The method types live in core.ts because Core holds the table and a method's context holds Core.
export type { AuthContext, MethodContext, MethodDef, MethodTable } from '../core.js';

/** A page of a list method: `result` plus `total` and `next` in the envelope (contract.md §2.3). */
export class Paged {
  constructor(
    readonly result: unknown,
    readonly total: number,
    readonly next?: number,
  ) {}
}
