// The pack's outbox job kinds and their idempotency keys, apart from the jobs themselves: the pack's
// views look a document's job up by its key (a job that died shows its document as failed, with Retry).
export const PACK_FILL_JOB = 'documents.pack.fill';
export const PACK_DELIVER_JOB = 'documents.pack.deliver';

export const fillJobKey = (packId: string): string => `documents.pack:${packId}:fill`;
export const deliverJobKey = (packId: string, idx: number): string => `documents.pack:${packId}:${idx}:deliver`;
