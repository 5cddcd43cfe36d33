// What-if edits: due dates and payment amounts the user tries on future installments, and the
// schedule they give (what-if.ts re-amortises). Never saved: the saved schedule is the terms' own.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { LendingIssue, LoanInput, Outcome, Schedule } from './lending-types.js';
import type { LendingCore } from './model-deps.js';
import { readTyped, type NumberLocale } from './typed-numbers.js';
import { applyAmountOverrides, type AmountOverride } from './what-if.js';

export interface WhatIfDeps {
  core: Pick<LendingCore, 'computeSchedule'>;
  locale: NumberLocale;
  scale: number;
  /** The schedule as typed: what the edits apply to. */
  baseSchedule: ReadonlySignal<Outcome<Schedule>>;
  loanInput: ReadonlySignal<LoanInput>;
}

export function createWhatIfModel(deps: WhatIfDeps) {
  const { baseSchedule, loanInput, locale, scale } = deps;
  /** What-if due dates by installment number. */
  const dateEdits = signal<Record<number, string>>({});
  const amountEdits = signal<AmountOverride[]>([]);

  const whatIfActive = computed(() => Object.keys(dateEdits.value).length > 0 || amountEdits.value.length > 0);

  /** What-if amounts that did not read (kept as typed, shown beside their cell); the others apply. */
  const whatIfIssues = computed<LendingIssue[]>(() =>
    amountEdits.value.flatMap((o) => (o.issue ? [{ code: o.issue, field: `whatIf.${o.n}` }] : [])),
  );
  const readAmountEdits = computed(() => amountEdits.value.filter((o) => !o.issue));

  const schedule = computed<Outcome<Schedule>>(() => {
    const base = baseSchedule.value;
    if (!base.ok || !whatIfActive.value) return base;
    // A down payment's row is the input's own (not a due date to pass); with dates pinned the count is
    // fixed, so a fixed payment gives way to the level payment over those dates.
    const down = loanInput.value.downPayment ? 1 : 0;
    const dates = base.value.rows.slice(down).map((r) => dateEdits.value[r.n] ?? r.dueDate);
    // Pinned dates are no longer a regular frequency: CAT by periods does not apply to them (the core refuses it).
    const pinned = {
      ...loanInput.value,
      dueDates: dates,
      firstDueDate: undefined,
      fixedPayment: undefined,
      installments: undefined,
      catBasis: undefined,
    };
    const dated = Object.keys(dateEdits.value).length > 0 ? deps.core.computeSchedule(pinned) : base;
    if (!dated.ok) return dated;
    return applyAmountOverrides(pinned, dated.value, readAmountEdits.value, deps.core.computeSchedule);
  });

  function editDueDate(n: number, date: string): void {
    dateEdits.value = { ...dateEdits.value, [n]: date };
  }

  function editAmount(n: number, typed: string): void {
    const r = readTyped(typed, `whatIf.${n}`, locale, { scale });
    const edit: AmountOverride = r.issue ? { n, total: r.value, issue: r.issue.code } : { n, total: r.value };
    amountEdits.value = [...amountEdits.value.filter((o) => o.n !== n), edit];
  }

  function resetWhatIf(): void {
    batch(() => {
      dateEdits.value = {};
      amountEdits.value = [];
    });
  }

  return { dateEdits, amountEdits, whatIfActive, whatIfIssues, schedule, editDueDate, editAmount, resetWhatIf };
}
