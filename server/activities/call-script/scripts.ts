// Call scripts come from templates/call-scripts/ (the four of seed 000 per language, validated by its
// loader): questions with options or free input, branches, the deal field each answer fills, ends
// with an outcome. This file only finds one by the activity's `script` property and language.
import { loadCallScriptFields, loadCallScripts } from '../../../templates/call-scripts/load.js';
import type { CallScript, CallScriptFields } from '../../../templates/call-scripts/index.js';

export type { CallScript };

let scripts: CallScript[] | undefined;
let fields: CallScriptFields | undefined;

export function allScripts(): CallScript[] {
  scripts ??= loadCallScripts();
  return scripts;
}

export function scriptFields(): CallScriptFields {
  fields ??= loadCallScriptFields();
  return fields;
}

/** The script in the language asked for, else in English. */
export function findScript(code: string, language: string): CallScript | undefined {
  const all = allScripts().filter((s) => s.id === code);
  return all.find((s) => s.lang === language) ?? all.find((s) => s.lang === 'en') ?? all[0];
}
