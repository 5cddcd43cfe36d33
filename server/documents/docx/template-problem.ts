// What the linter and the filler report of a template (fill-tree.ts walks it): a kind from a closed
// list, the construct as written, and a note that problem-text.ts words in the admin's language.
export type TemplateProblemKind =
  | 'unknown-code'
  | 'bad-placeholder'
  | 'bad-format'
  | 'not-a-list'
  | 'list-as-value'
  | 'unclosed-block'
  | 'stray-close'
  | 'mismatched-close'
  | 'inline-each'
  | 'bad-checkbox'
  | 'unsupported';

/** What is wrong, when the kind alone does not say it: problem-text.ts words it in the admin's language. */
export type TemplateProblemNote =
  'mail-merge' | 'field-code' | 'tracked-deletion' | 'in-comments' | 'alt-chunk' | 'checkbox-no-tag' | 'formcheckbox-no-name';

export interface TemplateProblem {
  kind: TemplateProblemKind;
  /** The placeholder or construct as written, or the part it is in; never a sentence (it is not translated). */
  text: string;
  note?: TemplateProblemNote;
  code?: string;
  /** The nearest valid code, for an unknown one. */
  suggestion?: string;
  part?: string;
}
