import { Value } from '@sinclair/typebox/value';
import { CallScriptSchema, type CallScript } from './schema.js';

// Structural checks beyond the schema: unique ids, every branch lands on a question or an end,
// no cycles (a call must finish), every step reachable from the start, every path ends,
// placeholders declared. Pure, so the script editor can run it as the author types.

export function nextSteps(q: CallScript['questions'][number]): string[] {
  return q.type === 'choice' ? q.options.map((o) => o.next) : [q.next];
}

export function validateCallScript(input: unknown): { script?: CallScript; errors: string[] } {
  if (!Value.Check(CallScriptSchema, input)) {
    return { errors: [...Value.Errors(CallScriptSchema, input)].slice(0, 10).map((e) => `${e.path || '/'}: ${e.message}`) };
  }
  const s = input;
  const errors: string[] = [];
  const questions = new Map(s.questions.map((q) => [q.id, q]));
  const ends = new Set(s.ends.map((e) => e.id));
  const ids = [...s.questions.map((q) => q.id), ...s.ends.map((e) => e.id)];
  for (const dup of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) errors.push(`duplicate id "${dup}"`);
  if (!questions.has(s.start)) errors.push(`start "${s.start}" is not a question`);
  for (const q of s.questions) {
    for (const n of nextSteps(q)) if (!questions.has(n) && !ends.has(n)) errors.push(`${q.id}: next "${n}" does not exist`);
    if (q.type === 'choice') {
      const values = q.options.map((o) => o.value);
      if (new Set(values).size !== values.length) errors.push(`${q.id}: duplicate option values`);
    }
    for (const m of q.text.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g))
      if (!s.variables.includes(m[1] as string)) errors.push(`${q.id}: undeclared variable {{${m[1]}}}`);
  }
  if (errors.length) return { errors };

  // Depth-first from the start: grey = on the current path (a grey target is a cycle).
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string, path: string[]): void => {
    if (ends.has(id)) {
      colour.set(id, 'black');
      return;
    }
    const c = colour.get(id);
    if (c === 'grey') {
      errors.push(`cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
      return;
    }
    if (c === 'black') return;
    colour.set(id, 'grey');
    for (const n of nextSteps(questions.get(id)!)) visit(n, [...path, id]);
    colour.set(id, 'black');
  };
  visit(s.start, []);
  for (const id of ids) if (!colour.has(id)) errors.push(`"${id}" is unreachable from the start`);
  return errors.length ? { errors } : { script: s, errors };
}

/** Every path from the start to an end (for reviews and tests; scripts are small and acyclic). */
export function allPaths(s: CallScript, limit = 10_000): string[][] {
  const questions = new Map(s.questions.map((q) => [q.id, q]));
  const out: string[][] = [];
  const walk = (id: string, path: string[]): void => {
    if (out.length >= limit) return;
    const q = questions.get(id);
    if (!q) return void out.push([...path, id]);
    for (const n of new Set(nextSteps(q))) walk(n, [...path, id]);
  };
  walk(s.start, []);
  return out;
}
