import { Type, type Static } from '@sinclair/typebox';

// Wire shapes of the payment-import API (/api/v1/payment-imports), declared once: the server's route
// validates and serialises with them, the settings widget takes its types from them (type-only).

const Header = Type.String({ minLength: 1, maxLength: 100 });
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Decimal = Type.String({ pattern: '^\\d{1,15}(\\.\\d{1,10})?$' });

/** Which column holds what, by header text (server/payment-files/types.ts ColumnMapping). */
export const MappingBody = Type.Object({ dealId: Header, date: Header, amount: Header, reference: Type.Optional(Header) });
export const LocaleBody = Type.Object({
  dateOrder: Type.Union([Type.Literal('dmy'), Type.Literal('mdy'), Type.Literal('iso')]),
  decimalSeparator: Type.Union([Type.Literal(','), Type.Literal('.')]),
});

/**
 * The binary upload's settings (POST /api/v1/payment-imports/file, body = the file's bytes as
 * application/octet-stream): the same as ImportBody without the file, in the query string.
 */
export const ImportFileQuery = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  dealId: Header,
  date: Header,
  amount: Header,
  reference: Type.Optional(Header),
  dateOrder: Type.Union([Type.Literal('dmy'), Type.Literal('mdy'), Type.Literal('iso')]),
  decimalSeparator: Type.Union([Type.Literal(','), Type.Literal('.')]),
  dryRun: Type.Union([Type.Literal('true'), Type.Literal('false')]),
});

export const ImportBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  // No maxLength here: an oversized file is answered 413 by the handler (and the route's body
  // limit), not 400 by the validator. Strict base64, no line breaks.
  contentBase64: Type.String({ minLength: 1, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
  mapping: MappingBody,
  locale: LocaleBody,
  dryRun: Type.Boolean(),
});

export const ImportLineReply = Type.Object({
  line: Type.Integer(),
  dealId: Type.Integer(),
  date: IsoDay,
  amount: Decimal,
  reference: Type.Union([Type.String(), Type.Null()]),
  method: Type.String(),
  status: Type.Union([Type.Literal('new'), Type.Literal('already'), Type.Literal('booked')]),
});

export const ImportReply = Type.Object({
  importId: Type.String(),
  dryRun: Type.Boolean(),
  summary: Type.Object({
    rows: Type.Integer(),
    new: Type.Integer(),
    alreadyImported: Type.Integer(),
    /** Sum of the new lines per currency code, as decimal strings in the currency's scale. */
    newTotals: Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Decimal),
  }),
  /** The first LINES_PAGE lines; the rest through GET /api/v1/payment-imports/:id/lines. */
  lines: Type.Array(ImportLineReply),
  /** How many lines the file has in all (lines.length when they all fit in the first page). */
  lineCount: Type.Integer(),
});

/** Lines of one page: a 20 000-line file is read page by page, never in one reply. */
export const LINES_PAGE = 100;
export const LinesQuery = Type.Object({
  offset: Type.Integer({ minimum: 0, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: LINES_PAGE }),
});
export const LinesReply = Type.Object({ lines: Type.Array(ImportLineReply), lineCount: Type.Integer(), offset: Type.Integer() });

export const LineIssueReply = Type.Object({
  line: Type.Integer(),
  column: Type.Optional(Type.String()),
  code: Type.String(),
  message: Type.String(),
});

/** 422: IMPORT_REFUSED carries every issue; other 422s (none expected) keep their own details. */
export const RefusedReply = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(
    Type.Object(
      { importId: Type.Optional(Type.String()), issues: Type.Optional(Type.Array(LineIssueReply)) },
      { additionalProperties: true },
    ),
  ),
});

export const ImportStatusWire = Type.Union([
  Type.Literal('queued'),
  Type.Literal('parsing'),
  Type.Literal('previewed'),
  Type.Literal('applied'),
  Type.Literal('refused'),
  Type.Literal('failed'),
]);

/** 202: the file is stored as an import to parse; poll GET /api/v1/payment-imports/:id. */
export const ImportAcceptedReply = Type.Object({ importId: Type.String(), status: ImportStatusWire });

export const ImportIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

/** One import as the page polls it: the state, then the preview/apply, the refusal or the failure. */
export const ImportStateReply = Type.Object({
  importId: Type.String(),
  status: ImportStatusWire,
  dryRun: Type.Union([Type.Boolean(), Type.Null()]),
  fileName: Type.String(),
  createdAt: Type.String(),
  result: Type.Optional(ImportReply),
  refusal: Type.Optional(Type.Object({ message: Type.String(), issues: Type.Array(LineIssueReply) })),
  failure: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const ImportRecordReply = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  fileSha256: Type.String(),
  format: Type.String(),
  rows: Type.Integer(),
  newCount: Type.Integer(),
  alreadyCount: Type.Integer(),
  issueCount: Type.Integer(),
  status: ImportStatusWire,
  /** null on imports from before the background import. */
  dryRun: Type.Union([Type.Boolean(), Type.Null()]),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
export const ImportsReply = Type.Object({ imports: Type.Array(ImportRecordReply) });

export type ImportBodyT = Static<typeof ImportBody>;
export type ImportReplyT = Static<typeof ImportReply>;
export type ImportLineReplyT = Static<typeof ImportLineReply>;
export type LineIssueReplyT = Static<typeof LineIssueReply>;
export type ImportStatusT = Static<typeof ImportStatusWire>;
export type ImportAcceptedReplyT = Static<typeof ImportAcceptedReply>;
export type ImportStateReplyT = Static<typeof ImportStateReply>;
export type ImportRecordReplyT = Static<typeof ImportRecordReply>;
export type ImportsReplyT = Static<typeof ImportsReply>;
export type LinesReplyT = Static<typeof LinesReply>;

export { ErrorReply } from './errors.js';
