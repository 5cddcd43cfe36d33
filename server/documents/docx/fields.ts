// What the filler needs to know of the field catalog: a code, a type, the options of a choice and the
// item fields of a list. The versioned catalog (issue 15, item 1) maps its richer types onto these.
export type DocLanguage = 'ru' | 'es' | 'en';

export type FieldType = 'text' | 'number' | 'money' | 'date' | 'choice' | 'multi' | 'bool' | 'list';

export interface FieldOption {
  value: string;
  label?: Partial<Record<DocLanguage, string>>;
}

export interface FieldDef {
  code: string;
  type: FieldType;
  /** choice / multi: the allowed values. */
  options?: readonly FieldOption[];
  /** list: the fields of one item (a co-borrower's name, birth date …). */
  item?: readonly FieldDef[];
}

export interface MoneyValue {
  /** A decimal string in the currency's scale ("150000.00"), never a float. */
  amount: string;
  currency: string;
}

/** A checked value: text/number/date/choice → string, multi → string[], money, bool, list → items. */
export type FieldValue = string | boolean | readonly string[] | MoneyValue | readonly ValueMap[];

export type ValueMap = ReadonlyMap<string, FieldValue>;
