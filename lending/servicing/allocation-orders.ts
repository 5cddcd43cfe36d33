// Allocation orders: the sequence in which a payment settles what is owed. Each step names a bucket
// (past-due: due date before the payment; due: the current installment — the first not yet past due;
// in-advance: later installments) and a component.
import { invalid } from '../errors.js';
import { asArray, oneOf } from '../validate.js';

export const COMPONENTS = ['principal', 'interest', 'fees', 'vat', 'penalty'] as const;
export type Component = (typeof COMPONENTS)[number];
export const BUCKETS = ['past-due', 'due', 'in-advance'] as const;
export type Bucket = (typeof BUCKETS)[number];
export interface AllocationStep {
  bucket: Bucket;
  component: Component;
}

const steps = (...s: string[]): AllocationStep[] =>
  s.map((x) => {
    const [bucket, component] = x.split(':') as [Bucket, Component];
    return { bucket, component };
  });

export const ALLOCATION_ORDERS: Readonly<Record<string, readonly AllocationStep[]>> = {
  // 353-FZ art. 5 p. 20 from 2024-07-01: overdue interest, overdue principal, current interest,
  // current principal, other payments, and penalties last.
  'ru-statutory-2024': steps(
    'past-due:interest',
    'past-due:principal',
    'due:interest',
    'due:principal',
    'past-due:fees',
    'past-due:vat',
    'due:fees',
    'due:vat',
    'past-due:penalty',
  ),
  // 353-FZ art. 5 p. 20 as in force until 2024-06-30: the penalty came third.
  'ru-statutory-2014': steps(
    'past-due:interest',
    'past-due:principal',
    'past-due:penalty',
    'due:interest',
    'due:principal',
    'past-due:fees',
    'past-due:vat',
    'due:fees',
    'due:vat',
  ),
  // The common commercial order: penalties, then fees, then interest, then principal, oldest first.
  'penalties-first': steps(
    'past-due:penalty',
    'past-due:fees',
    'past-due:vat',
    'past-due:interest',
    'past-due:principal',
    'due:fees',
    'due:vat',
    'due:interest',
    'due:principal',
  ),
};

export const ALLOCATION_ORDER_NAMES: readonly string[] = Object.keys(ALLOCATION_ORDERS);

/** A named order, or an explicit list like ["past-due:penalty", "past-due:interest", …]. */
export function parseAllocationOrder(raw: unknown, path: string): { name?: string; steps: readonly AllocationStep[] } {
  if (typeof raw === 'string') {
    const order = ALLOCATION_ORDERS[raw];
    if (!order)
      throw invalid('UNKNOWN_ALLOCATION_ORDER', path, `Unknown allocation order "${raw}"; one of ${ALLOCATION_ORDER_NAMES.join(', ')}`);
    return { name: raw, steps: order };
  }
  const list = asArray(raw, path, 20).map((s, i) => {
    const p = `${path}[${i}]`;
    if (typeof s !== 'string' || !s.includes(':')) throw invalid('INVALID_ALLOCATION_STEP', p, 'Expected "bucket:component"');
    const [b, c] = s.split(':');
    return { bucket: oneOf(b, BUCKETS, p, 'INVALID_ALLOCATION_STEP'), component: oneOf(c, COMPONENTS, p, 'INVALID_ALLOCATION_STEP') };
  });
  if (list.length === 0) throw invalid('INVALID_ALLOCATION_STEP', path, 'An allocation order needs at least one step');
  const seen = new Set(list.map((s) => `${s.bucket}:${s.component}`));
  if (seen.size !== list.length) throw invalid('DUPLICATE_ALLOCATION_STEP', path, 'Each step may appear once');
  return { steps: list };
}

export function sameOrder(a: readonly AllocationStep[], b: readonly AllocationStep[]): boolean {
  return a.length === b.length && a.every((s, i) => s.bucket === b[i]!.bucket && s.component === b[i]!.component);
}
