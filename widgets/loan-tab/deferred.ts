// Work too slow for every keystroke (effective-rate root finding, servicing with daily penalties)
// runs after the user pauses. The result is keyed by its inputs, so a stale answer is never shown
// next to a newer schedule: until the matching result lands the value is null ("computing").
import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';

/** Schedules fn; returns a cancel function. Production: a short timeout; tests: run at once. */
export type Defer = (fn: () => void) => () => void;

export interface Job<T> {
  key: string;
  run: () => T;
}

export function deferredComputed<T>(job: ReadonlySignal<Job<T> | null>, defer: Defer): ReadonlySignal<T | null> {
  const result = signal<{ key: string; value: T } | null>(null);
  let cancel: (() => void) | null = null;
  effect(() => {
    const j = job.value;
    cancel?.();
    cancel = null;
    if (!j || result.peek()?.key === j.key) return;
    cancel = defer(() => {
      cancel = null;
      result.value = { key: j.key, value: j.run() };
    });
  });
  return computed(() => {
    const j = job.value;
    const r = result.value;
    return j && r && r.key === j.key ? r.value : null;
  });
}

export const debounceDefer =
  (ms: number): Defer =>
  (fn) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  };

export const immediateDefer: Defer = (fn) => {
  fn();
  return () => undefined;
};
