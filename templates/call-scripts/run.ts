import { answerValue, checkAnswer } from './answer-checks.js';
import type { CallScript, CallScriptEnd, CallScriptFields, CallScriptQuestion } from './schema.js';

// Pure step engine for a call in progress: given the answers so far, where are we, what goes into
// the deal, and what the workflow gets back. The call widget calls it on every answer; the
// activity's finish handler calls it once more to build the deal update, the timeline comment and
// the return values. Answers off the taken path (after the employee went back and changed a
// branch) are ignored, never written.

export type Answers = Readonly<Record<string, string>>;

export interface FieldUpdate {
  field: string;
  /** boolean fields: 'Y' | 'N'; enumeration: the option value (map to the list item ID when writing); others: the answer. */
  value: string;
  questionId: string;
}

export interface CallState {
  /** Question ids answered along the path, in order. */
  path: string[];
  /** The question to ask now (undefined when finished). */
  next?: CallScriptQuestion;
  end?: CallScriptEnd;
  /** Problems with given answers (the widget shows them next to the question). */
  errors: Record<string, string>;
  fieldUpdates: FieldUpdate[];
}

function render(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (m, n: string) => vars[n] ?? m);
}

export function runCallScript(script: CallScript, answers: Answers, fields?: CallScriptFields): CallState {
  const questions = new Map(script.questions.map((q) => [q.id, q]));
  const ends = new Map(script.ends.map((e) => [e.id, e]));
  const types = new Map(fields?.fields.map((f) => [f.name, f.type]) ?? []);
  const state: CallState = { path: [], errors: {}, fieldUpdates: [] };
  let id: string = script.start;
  // Acyclic (validated), so this walk ends within questions.length steps.
  for (let guard = 0; guard <= script.questions.length; guard++) {
    const end = ends.get(id);
    if (end) return { ...state, end };
    const q = questions.get(id);
    if (!q) throw new Error(`call script ${script.id}: step "${id}" does not exist`);
    const raw = answers[q.id];
    // Not answered yet → ask it. An optional input answered with '' is a deliberate skip.
    if (raw === undefined) return { ...state, next: q };
    const problem = checkAnswer(q, raw, script.lang);
    if (problem) {
      state.errors[q.id] = problem;
      return { ...state, next: q };
    }
    state.path.push(q.id);
    const value = raw.trim();
    if (q.field && value !== '') {
      const type = types.get(q.field);
      const stored = type === 'boolean' ? (value === 'yes' ? 'Y' : 'N') : answerValue(q, value, script.lang);
      state.fieldUpdates.push({ field: q.field, value: stored, questionId: q.id });
    }
    id = q.type === 'choice' ? q.options.find((o) => o.value === value)!.next : q.next;
  }
  throw new Error(`call script ${script.id} did not reach an end`);
}

/** Timeline comment: each question asked and the answer given, then the outcome (named in the script's language by `outcomeLabel`). */
export function callTranscript(
  script: CallScript,
  answers: Answers,
  vars: Readonly<Record<string, string>> = {},
  outcomeLabel: (outcome: string) => string = (o) => o,
): string {
  const state = runCallScript(script, answers);
  const questions = new Map(script.questions.map((q) => [q.id, q]));
  const lines = [`${script.title}`];
  for (const qid of state.path) {
    const q = questions.get(qid)!;
    const a = answers[qid] ?? '';
    const shown = q.type === 'choice' ? (q.options.find((o) => o.value === a)?.label ?? a) : a || '—';
    lines.push(`• ${render(q.text, vars)} → ${shown}`);
  }
  if (state.end) lines.push(`= ${outcomeLabel(state.end.outcome)}: ${render(state.end.text, vars)}`);
  return lines.join('\n');
}

/** Return values for bizproc.event.send: outcome plus the answers on the path, as JSON. */
export function callReturnValues(script: CallScript, answers: Answers): { outcome: string; answers: string; finished: 'Y' | 'N' } {
  const state = runCallScript(script, answers);
  const onPath = Object.fromEntries(state.path.map((q) => [q, answers[q] ?? '']));
  return { outcome: state.end?.outcome ?? 'unfinished', answers: JSON.stringify(onPath), finished: state.end ? 'Y' : 'N' };
}
