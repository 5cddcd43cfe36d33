import { AppError } from '../../errors.js';
import { callReturnValues, callTranscript, checkAnswer, runCallScript } from '../../../templates/call-scripts/index.js';
import { scriptFields, type CallScript } from './scripts.js';

// What a finished call produces, from templates/call-scripts' step engine: the outcome, the deal fields
// along the path taken, the return values (outcome, answers JSON, finished) and the Q&A transcript.

export interface ScriptResult {
  outcome: string;
  complete: boolean;
  dealFields: Record<string, string>;
  returnValues: Record<string, string>;
  transcript: string;
}

const MAX_ANSWER = 2000;

export function validateAnswer(script: CallScript, questionId: string, value: string): void {
  const q = script.questions.find((x) => x.id === questionId);
  if (!q) throw new AppError('VALIDATION', `unknown question ${questionId}`, { key: 'CALL_QUESTION_UNKNOWN' });
  if (value.length > MAX_ANSWER)
    throw new AppError('VALIDATION', 'answer too long', { key: 'CALL_ANSWER_TOO_LONG', params: { max: MAX_ANSWER } });
  // Read in the script's language: ru "85 000" and "85000,50" are amounts; the refusal is in ru too.
  const problem = checkAnswer(q, value, script.lang);
  if (problem) throw new AppError('VALIDATION', `${questionId}: ${problem}`, problem, { field: questionId });
}

export function evaluateScript(
  script: CallScript,
  answers: Record<string, string>,
  vars: Record<string, string> = {},
  outcomeLabel?: (outcome: string) => string,
): ScriptResult {
  const state = runCallScript(script, answers, scriptFields());
  // UNVERIFIED(b24): enumeration fields are written with the option value; a portal may want the list item ID.
  const dealFields = Object.fromEntries(state.fieldUpdates.map((u) => [u.field, u.value]));
  if (!state.end) return { outcome: 'unfinished', complete: false, dealFields, returnValues: {}, transcript: '' };
  return {
    outcome: state.end.outcome,
    complete: true,
    dealFields,
    returnValues: callReturnValues(script, answers),
    transcript: callTranscript(script, answers, vars, outcomeLabel),
  };
}
