// Wire shapes of the versioned field catalog (issue 15, item 1), declared once: the server validates
// and stores with them (server/documents/catalog/catalog-schema.ts re-exports the field), the
// Documents tab reads the pinned version's fields, the versions and the move preview through them.
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

/**
 * The figures of the deal's saved loan a field may take as `source: { kind: 'loan', field }`
 * (server/documents/packs/loan-figures.ts): amounts in the loan's currency, the term in installments,
 * the annual rate and CAT/ПСК in percent, the first and last due dates.
 */
export const LOAN_FIGURES = [
  'principal',
  'term',
  'rate',
  'installment',
  'cat',
  'psk',
  'total',
  'cost_of_credit',
  'first_due_date',
  'last_due_date',
] as const;
export type LoanFigure = (typeof LOAN_FIGURES)[number];

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
  /**
   * The deal currencies the field belongs to (a Russian СНИЛС: ["RUB"]); absent, every deal. One catalog
   * serves a portal whose deals may be Mexican and Russian, and the Documents tab knows a deal's country
   * by its currency only, so a field of the other country is not listed empty on it (a value already
   * stored is still shown). Documents still fill it from whatever is stored.
   */
  dealCurrencies: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { minItems: 1, maxItems: 20 })),
});

export type CatalogItemField = Static<typeof CatalogItemFieldSchema>;
export type CatalogField = Static<typeof CatalogFieldSchema>;

export const VersionsReply = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      publishedAt: Type.String(),
      publishedBy: Type.Union([Type.Integer(), Type.Null()]),
      sha256: Type.String(),
    }),
  ),
});
export const VersionReply = Type.Object({ version: Type.Integer(), fields: Type.Array(CatalogFieldSchema) });
export const Application = Type.Object({
  id: Type.String(),
  dealId: Type.Integer(),
  catalogVersion: Type.Integer(),
  createdAt: Type.String(),
});
export const ApplicationReply = Type.Object({ application: Application });
export const Diff = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  changed: Type.Array(Type.Object({ code: Type.String(), what: Type.Array(Type.String()) })),
});
/**
 * The draft as the app page edits it: the saved draft, else the latest published version to start from,
 * and what publishing it would add, remove and change against that version.
 */
export const CatalogReply = Type.Object({ fields: Type.Array(CatalogFieldSchema), pending: Diff });
/** A publish: the version it made (or the latest, unchanged) and what it adds, removes and changes against the one before. */
export const PublishReply = Type.Object({
  version: Type.Integer(),
  created: Type.Boolean(),
  previous: Type.Union([Type.Integer(), Type.Null()]),
  diff: Diff,
});
export const MovePreviewReply = Type.Object({ from: Type.Integer(), to: Type.Integer(), diff: Diff });
export const MoveBody = Type.Object({ fromVersion: Type.Integer({ minimum: 1 }), toVersion: Type.Integer({ minimum: 1 }) });
export const MoveReply = Type.Object({ application: Application, diff: Diff });

export type CatalogVersionsView = Static<typeof VersionsReply>;
export type ApplicationView = Static<typeof Application>;
export type MovePreviewView = Static<typeof MovePreviewReply>;
export type CatalogDiffView = Static<typeof Diff>;
export type PublishView = Static<typeof PublishReply>;
export type CatalogDraftView = Static<typeof CatalogReply>;
export type CatalogVersionInfoView = CatalogVersionsView['versions'][number];
