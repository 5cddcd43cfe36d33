import { AppError } from '../../errors.js';
import type { CallScript } from './scripts.js';

// Pure: walks a script with the recorded answers (following branches) and says what the call produced —
// the outcome, the deal fields to update, the return values and a Q&A text for the timeline.

export interface ScriptResult {
  outcome: string;
  dealFields: Record<string, string>;
  returnValues: Record<string, string>;
  transcript: { question: string; answer: string }[];
  complete: boolean;
}

const MAX_ANSWER = 2000;

export function validateAnswer(script: CallScript, questionId: string, value: string): void {
  const q = script.questions.find((x) => x.id === questionId);
  if (!q) throw new AppError('VALIDATION', `unknown question ${questionId}`, 'Unknown question.');
  if (value.length > MAX_ANSWER) throw new AppError('VALIDATION', 'answer too long', `Answers are limited to ${MAX_ANSWER} characters.`);
  if (q.options && !q.options.some((o) => o.value === value)) throw new AppError('VALIDATION', `bad option for ${questionId}`, 'Pick one of the offered answers.');
  if (q.input === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new AppError('VALIDATION', `bad date for ${questionId}`, 'Enter a date as YYYY-MM-DD.');
}

export function evaluateScript(script: CallScript, answers: Record<string, string>): ScriptResult {
  const r: ScriptResult = { outcome: script.defaultOutcome, dealFields: {}, returnValues: {}, transcript: [], complete: false };
  let i = 0;
  let branchOutcome: string | undefined;
  for (let guard = 0; guard < script.questions.length && i < script.questions.length; guard++) {
    const q = script.questions[i]!;
    const value = answers[q.id];
    if (value === undefined) return r;
    const option = q.options?.find((o) => o.value === value);
    r.transcript.push({ question: q.text, answer: option?.label ?? value });
    if (q.dealField) r.dealFields[q.dealField] = value;
    if (q.returns) r.returnValues[q.returns] = value;
    if (option?.outcome) branchOutcome = option.outcome;
    if (option?.outcome && !option.next) break;
    const nextIdx = option?.next ? script.questions.findIndex((x) => x.id === option.next) : i + 1;
    i = nextIdx < 0 ? script.questions.length : nextIdx;
  }
  r.complete = true;
  r.outcome = branchOutcome ?? script.defaultOutcome;
  return r;
}
