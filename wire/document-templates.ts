import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of document templates per bank with versions (issue 15, item 3), declared once: the
// server's template routes validate with them and the app page / Documents tab take their types.
//   POST   /api/v1/documents/templates/file?…  application/octet-stream → 200 TemplateReply (admin)
//          a new upload under the same bank and name is the template's next version
//   GET    /api/v1/documents/templates          → TemplatesReply (?bankId=…, ?archived=true)
//   GET    /api/v1/documents/templates/:templateId → TemplateReply
//   GET    /api/v1/documents/templates/:templateId/versions/:version/file → the .docx (admin)
//   DELETE /api/v1/documents/templates/:templateId → TemplateReply, archived (admin)
//   POST   /api/v1/documents/templates/:templateId/restore → TemplateReply, back in new packs (admin)
//   PUT    /api/v1/documents/templates/:templateId/deal-currencies TemplateCurrenciesBody → TemplateReply (admin)

export const TemplateKind = Type.Union([
  Type.Literal('questionnaire'),
  Type.Literal('contract'),
  Type.Literal('pledge'),
  Type.Literal('other'),
]);
export const TemplateLang = Type.Union([Type.Literal('ru'), Type.Literal('es'), Type.Literal('en')]);
/**
 * The deals' currencies a template is for (["RUB"]), as a bank's or a catalog field's `dealCurrencies`:
 * a pack takes the template only on such a deal (a Russian contract on a rouble deal, a Mexican one on a
 * peso deal). Absent: any deal.
 */
export const TemplateDealCurrencies = Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }), { minItems: 1, maxItems: 20, uniqueItems: true });

export const TemplateUploadQuery = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 255 }),
  /** The document's name as the pack lists it ("Анкета Банка А"). */
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  /** Absent: an internal document (contract, pledge) with no bank. */
  bankId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  kind: TemplateKind,
  /** The document's language: numbers, dates, money and amounts in words. */
  lang: TemplateLang,
  /** TemplateDealCurrencies as "RUB" or "MXN,USD". Absent on a new version: the stored list stays. */
  dealCurrencies: Type.Optional(Type.String({ pattern: '^[A-Z]{3}(,[A-Z]{3}){0,19}$' })),
});

export const TemplateVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  fileName: Type.String(),
  sha256: Type.String(),
  sizeBytes: Type.Integer(),
  /** The catalog version the upload was linted against. */
  catalogVersion: Type.Integer(),
  placeholders: Type.Array(Type.Object({ code: Type.String(), format: Type.Optional(Type.String()), count: Type.Integer() })),
  lists: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
  checkboxes: Type.Array(Type.String()),
  uploadedAt: Type.String(),
  uploadedBy: Type.Union([Type.Integer(), Type.Null()]),
  /** The uploader's name from the portal (user.get); null when the portal did not give it: show the id. */
  uploadedByName: Type.Union([Type.String(), Type.Null()]),
});

export const Template = Type.Object({
  id: Type.String(),
  bankId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: TemplateKind,
  lang: TemplateLang,
  dealCurrencies: Type.Optional(TemplateDealCurrencies),
  currentVersion: Type.Integer(),
  archived: Type.Boolean(),
  /** Newest first. */
  versions: Type.Array(TemplateVersion),
});

export const TemplateParams = Type.Object({ templateId: Type.String({ minLength: 1, maxLength: 64 }) });
export const TemplateVersionParams = Type.Object({
  templateId: Type.String({ minLength: 1, maxLength: 64 }),
  version: Type.Integer({ minimum: 1 }),
});
export const TemplatesQuery = Type.Object({
  bankId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  archived: Type.Optional(Type.Boolean()),
});
/** null: the template is for any deal again. */
export const TemplateCurrenciesBody = Type.Object({ dealCurrencies: Type.Union([TemplateDealCurrencies, Type.Null()]) });
export const TemplateReply = Type.Object({ template: Template, created: Type.Boolean() });
export const TemplatesReply = Type.Object({ templates: Type.Array(Template) });

export type TemplateUpload = Static<typeof TemplateUploadQuery>;
export type TemplateCurrencies = Static<typeof TemplateCurrenciesBody>;
export type TemplateView = Static<typeof Template>;
export type TemplateVersionView = Static<typeof TemplateVersion>;
