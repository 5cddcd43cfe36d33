import { Type } from '@sinclair/typebox';
import { LenderPipelineReply, LenderPipelineRequest, PipelinesReply, PipelineView, StageMapSchema } from '../../../../wire/stage-maps.js';

export { LenderPipelineReply, LenderPipelineRequest, PipelinesReply, PipelineView, StageMapSchema };

export const CategoryParam = Type.Object({ categoryId: Type.Integer({ minimum: 0, maximum: 1_000_000 }) });

export const ErrorReply = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
