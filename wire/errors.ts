import { Type } from '@sinclair/typebox';

// Every error reply's body, declared once (server/error-reply.ts writes it): `error` is a code of the
// closed table in server/errors.ts, `message` the user's text in their language.
export const ErrorReply = Type.Object({ error: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
