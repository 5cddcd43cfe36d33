// Pure: which questions are on the path the answers so far have taken (branches followed), and whether
// the path is complete. The server re-checks the same rule before it finishes the call.
import type { ScriptQuestion } from './types.js';

export function questionsOnPath(questions: ScriptQuestion[], answers: Record<string, string>): { path: ScriptQuestion[]; complete: boolean } {
  const path: ScriptQuestion[] = [];
  let i = 0;
  for (let guard = 0; guard < questions.length && i < questions.length; guard++) {
    const q = questions[i]!;
    path.push(q);
    const value = answers[q.id];
    if (value === undefined) return { path, complete: false };
    const option = q.options?.find((o) => o.value === value);
    if (option?.outcome && !option.next) return { path, complete: true };
    const next = option?.next ? questions.findIndex((x) => x.id === option.next) : i + 1;
    i = next < 0 ? questions.length : next;
  }
  return { path, complete: true };
}
