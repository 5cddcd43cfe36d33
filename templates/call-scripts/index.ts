// Pure parts (safe for the call widget): schema, validator, step engine. The file loader
// (load.ts) reads the disk and is for the server and tests.
export {
  CallScriptSchema,
  CallScriptFieldsSchema,
  OUTCOMES,
  type CallScript,
  type CallScriptEnd,
  type CallScriptFields,
  type CallScriptQuestion,
} from './schema.js';
export { validateCallScript, allPaths, nextSteps } from './validate.js';
export { runCallScript, callTranscript, callReturnValues, type Answers, type CallState, type FieldUpdate } from './run.js';
export { checkAnswer, answerValue } from './answer-checks.js';
