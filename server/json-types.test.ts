import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { findTypeMismatch } from './json-types.js';

const none = () => undefined;
const Body = Type.Object({
  n: Type.Integer(),
  s: Type.String(),
  b: Type.Optional(Type.Boolean()),
  maybe: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  list: Type.Optional(Type.Array(Type.Object({ x: Type.Number() }))),
  any: Type.Optional(Type.Unknown()),
  rec: Type.Optional(Type.Record(Type.String(), Type.Integer())),
});

describe('JSON body types', () => {
  it('passes values of the schema types, and anything under Unknown', () => {
    expect(
      findTypeMismatch(Body, { n: 1, s: 'a', b: true, maybe: null, list: [{ x: 1.5 }], any: [' 1 '], rec: { a: 2 } }, none),
    ).toBeNull();
  });

  it('names what Ajv would have coerced: numbers in strings, booleans, null, one-item arrays', () => {
    expect(findTypeMismatch(Body, { n: ' 12 ', s: 'a' }, none)).toBe('body.n');
    expect(findTypeMismatch(Body, { n: 1, s: true }, none)).toBe('body.s');
    expect(findTypeMismatch(Body, { n: 1, s: null }, none)).toBe('body.s');
    expect(findTypeMismatch(Body, { n: 1, s: ['a'] }, none)).toBe('body.s');
    expect(findTypeMismatch(Body, { n: 1, s: 'a', b: 'true' }, none)).toBe('body.b');
    expect(findTypeMismatch(Body, { n: 1, s: 'a', maybe: 5 }, none)).toBe('body.maybe');
    expect(findTypeMismatch(Body, { n: 1, s: 'a', list: [{ x: '0x10' }] }, none)).toBe('body.list[0].x');
    expect(findTypeMismatch(Body, { n: 1, s: 'a', rec: { a: '1' } }, none)).toBe('body.rec.a');
    expect(findTypeMismatch(Body, 'text', none)).toBe('body');
  });

  it('follows $ref to a shared schema', () => {
    const Shared = Type.Object({ installments: Type.Integer() }, { $id: 'Shared' });
    const resolve = (id: string) => (id === 'Shared' ? Shared : undefined);
    expect(findTypeMismatch(Type.Object({ loan: Type.Ref('Shared') }), { loan: { installments: '12' } }, resolve)).toBe(
      'body.loan.installments',
    );
    expect(findTypeMismatch({ $ref: 'Shared#' }, { installments: 12 }, resolve)).toBeNull();
  });
});
