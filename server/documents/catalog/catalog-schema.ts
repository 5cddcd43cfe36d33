// The catalog field on the wire and in the database, declared once: the routes validate with it and
// the catalog code takes its type from it.
import { Type, type Static } from '@sinclair/typebox';

export const CATALOG_TYPES = [
  'text',
  'number',
  'money',
  'date',
  'choice',
  'multi',
  'bool',
  'person',
  'address',
  'document_number',
  'file',
  'list',
] as const;
export type CatalogType = (typeof CATALOG_TYPES)[number];
export const MAX_OPTIONS = 200;

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Labels = Type.Object({ ru: Text(200), en: Text(200), es: Text(200) });
const Decimal = Type.String({ pattern: '^-?\\d{1,18}(\\.\\d{1,12})?$' });

const fieldProps = {
  code: Type.String({ minLength: 1, maxLength: 100 }),
  label: Labels,
  // Written out, not mapped from CATALOG_TYPES: the type provider needs the tuple to type replies.
  type: Type.Union([
    Type.Literal('text'),
    Type.Literal('number'),
    Type.Literal('money'),
    Type.Literal('date'),
    Type.Literal('choice'),
    Type.Literal('multi'),
    Type.Literal('bool'),
    Type.Literal('person'),
    Type.Literal('address'),
    Type.Literal('document_number'),
    Type.Literal('file'),
    Type.Literal('list'),
  ]),
  section: Type.String({ maxLength: 100 }),
  required: Type.Optional(Type.Boolean()),
  validation: Type.Optional(
    Type.Object({
      maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
      min: Type.Optional(Decimal),
      max: Type.Optional(Decimal),
    }),
  ),
  options: Type.Optional(Type.Array(Type.Object({ value: Text(100), label: Labels }), { maxItems: MAX_OPTIONS })),
  source: Type.Optional(
    Type.Object({
      kind: Type.Union([Type.Literal('deal'), Type.Literal('contact'), Type.Literal('company'), Type.Literal('loan')]),
      field: Text(100),
    }),
  ),
};

export const CatalogItemFieldSchema = Type.Object(fieldProps);

/** A catalog field; a list's item fields are fields without items of their own. */
export const CatalogFieldSchema = Type.Object({
  ...fieldProps,
  item: Type.Optional(Type.Array(CatalogItemFieldSchema, { maxItems: 200 })),
});

export type CatalogItemField = Static<typeof CatalogItemFieldSchema>;
export type CatalogField = Static<typeof CatalogFieldSchema>;
