import { Type } from '@sinclair/typebox';
import { StageMapSchema } from '../../../lifecycle/stage-map.js';

export { StageMapSchema };

export const CategoryParam = Type.Object({ categoryId: Type.Integer({ minimum: 0, maximum: 1_000_000 }) });

const Stage = Type.Object({
  id: Type.String(),
  name: Type.String(),
  semantics: Type.Union([Type.Literal('process'), Type.Literal('success'), Type.Literal('failure')]),
});

export const PipelineView = Type.Object({
  categoryId: Type.Integer(),
  name: Type.String(),
  stages: Type.Array(Stage),
  /** The saved mapping of this pipeline; null = the app does nothing on its deals. */
  map: Type.Union([StageMapSchema, Type.Null()]),
});

export const PipelinesReply = Type.Object({ pipelines: Type.Array(PipelineView) });

export const ErrorReply = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
