import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { isAppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { Actor, LoanDeps } from '../../loans/operations/deps.js';
import { registerPayment } from '../../loans/operations/register-payment.js';
import type { CheckedLine } from './check-lines.js';

/** How imported payments are labelled in the ledger and the loan tab. */
export const IMPORT_METHOD = 'agent_file';

export type RegisterFn = typeof registerPayment;

/**
 * Books the file's new lines one by one, each in its own transaction through registerPayment (a
 * ledger entry and the portal sync job together). A crash halfway leaves the first lines booked
 * under their content ids; importing the same file again finds them booked and books the rest, so
 * every line ends up booked exactly once. Returns the status of each line in the given order.
 */
export async function applyLines(
  db: Executor,
  portalId: string,
  lines: readonly CheckedLine[],
  ctx: { fileName: string; actor: Actor; deps: LoanDeps; register?: RegisterFn },
): Promise<('booked' | 'already')[]> {
  const register = ctx.register ?? registerPayment;
  const out: ('booked' | 'already')[] = [];
  for (const [i, l] of lines.entries()) {
    // SQLite answers synchronously: without a yield a long file would book without letting any
    // other request (a health check) in between (see check-lines.ts LINES_PER_SLICE).
    if (i > 0 && i % 20 === 0) await yieldToEventLoop();
    if (l.status === 'already') {
      out.push('already');
      continue;
    }
    const req = {
      id: l.paymentId,
      date: l.date,
      amount: l.amount,
      method: IMPORT_METHOD,
      reference: l.reference ?? `file ${ctx.fileName} line ${l.line}`,
    };
    try {
      const r = await register(db, portalId, l.dealId, req, ctx.actor, ctx.deps);
      out.push(r.replayed ? 'already' : 'booked');
    } catch (e) {
      // The id is made from the payment's content, so a payment under it is this payment — booked
      // meanwhile by a concurrent import of another file, whose generated reference differs.
      if (isAppError(e) && e.code === 'IDEMPOTENCY_MISMATCH') out.push('already');
      else throw e;
    }
  }
  return out;
}
