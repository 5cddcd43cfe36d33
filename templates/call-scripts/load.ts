import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from '@sinclair/typebox/value';
import { CallScriptFieldsSchema, type CallScript, type CallScriptFields } from './schema.js';
import { validateCallScript } from './validate.js';

export const CALL_SCRIPTS_DIR = fileURLToPath(new URL('./', import.meta.url));
export const LANGS = ['es', 'ru', 'en'] as const;

export function loadCallScriptFields(dir = CALL_SCRIPTS_DIR): CallScriptFields {
  const json: unknown = JSON.parse(readFileSync(join(dir, 'fields.json'), 'utf8'));
  if (!Value.Check(CallScriptFieldsSchema, json))
    throw new Error(`call-scripts/fields.json: ${[...Value.Errors(CallScriptFieldsSchema, json)][0]?.message}`);
  return json;
}

/** Loads and validates every script; throws with every problem found, file by file. */
export function loadCallScripts(dir = CALL_SCRIPTS_DIR): CallScript[] {
  const scripts: CallScript[] = [];
  const problems: string[] = [];
  for (const lang of LANGS) {
    for (const file of readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const where = `call-scripts/${lang}/${file}`;
      const { script, errors } = validateCallScript(JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as unknown);
      if (!script) problems.push(...errors.map((e) => `${where}: ${e}`));
      else if (script.lang !== lang || `${script.id}.json` !== file) problems.push(`${where}: id/lang do not match the path`);
      else scripts.push(script);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return scripts;
}
