// Which questions are on the path the answers so far have taken: templates/call-scripts' pure step
// engine, the same one the server runs before it finishes the call.
import { runCallScript, type CallState } from '../../templates/call-scripts/index.js';
import type { CallScript } from './types.js';

export function scriptState(script: CallScript, answers: Record<string, string>): CallState & { complete: boolean } {
  const state = runCallScript(script, answers);
  return { ...state, complete: state.end !== undefined };
}

/** Fills {{names}}: the value, else the server's neutral stand-in, else an ellipsis — never the raw name. */
export function fill(text: string, vars: Record<string, string>, fallbacks: Record<string, string> = {}): string {
  return text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_m, n: string) => vars[n] ?? fallbacks[n] ?? '…').replace(/ {2,}/g, ' ');
}
