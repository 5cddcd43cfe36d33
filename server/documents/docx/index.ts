// .docx templates: the linter an upload goes through and the filler a pack is made with. Pure over
// bytes (no files, no clock): the callers own storage and I/O.
export { checkTemplate, lintDocx, type LintReport } from './lint-docx.js';
export { fillDocx, type FilledDocument, type FillOptions } from './fill-docx.js';
export type { DocLanguage, FieldDef, FieldOption, FieldType, MoneyValue } from './fields.js';
export type { TemplateProblem, TemplateProblemKind } from './template-problem.js';
export { problemText } from './problem-text.js';
export * as docxLimits from './limits.js';
