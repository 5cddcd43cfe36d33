import { Type } from '@sinclair/typebox';

// Wire shapes of the applicant-check settings (server/checks/): what the app page reads and saves.

const Path = Type.String({ minLength: 1, maxLength: 200 });

export const HttpCheckWire = Type.Object({
  urlTemplate: Type.String({ minLength: 8, maxLength: 2000 }),
  method: Type.Union([Type.Literal('GET'), Type.Literal('POST')]),
  verdictPath: Path,
  rejectValues: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20 }),
  reasonPath: Type.Union([Path, Type.Null()]),
  timeoutMs: Type.Integer({ minimum: 100, maximum: 30_000 }),
});

export const Country = Type.Union([Type.Literal('RU'), Type.Literal('MX'), Type.Null()]);

export const CheckSettingsBody = Type.Object({
  country: Country,
  http: Type.Union([HttpCheckWire, Type.Null()]),
  /** Omitted: keep the stored header; null: remove it; a string: "Name: value". Write-only. */
  authHeader: Type.Optional(Type.Union([Type.String({ maxLength: 2100 }), Type.Null()])),
});

export const CheckSettingsReply = Type.Object({
  country: Country,
  http: Type.Union([HttpCheckWire, Type.Null()]),
  /** 'unreadable': stored but altered at rest — to be entered again. */
  authHeader: Type.Union([Type.Literal('set'), Type.Literal('not set'), Type.Literal('unreadable')]),
  blacklist: Type.Object({ phone: Type.Integer(), document: Type.Integer() }),
});

export const BlacklistFileQuery = Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) });

export const BlacklistImportReply = Type.Object({
  added: Type.Integer(),
  already: Type.Integer(),
  blacklist: Type.Object({ phone: Type.Integer(), document: Type.Integer() }),
});

export const BlacklistEntryBody = Type.Object({
  kind: Type.Union([Type.Literal('phone'), Type.Literal('document')]),
  value: Type.String({ minLength: 1, maxLength: 60 }),
});

export const TryBody = Type.Object({
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  document: Type.Optional(Type.String({ maxLength: 60 })),
});

export const CheckResultReply = Type.Object({
  verdict: Type.Union([Type.Literal('pass'), Type.Literal('reject'), Type.Literal('error')]),
  findings: Type.Array(
    Type.Object({
      source: Type.Union([Type.Literal('blacklist'), Type.Literal('http')]),
      subject: Type.Union([Type.Literal('phone'), Type.Literal('document'), Type.Literal('bureau')]),
      outcome: Type.Union([Type.Literal('pass'), Type.Literal('reject'), Type.Literal('error'), Type.Literal('skipped')]),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export { ErrorReply } from './errors.js';
