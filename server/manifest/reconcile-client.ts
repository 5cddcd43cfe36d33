import type { BatchCommand, BatchOutcome } from '../portal-client/portal-client.js';

/** The one portal call manifest reconciliation needs; its own file so reconcile.ts and spa-fields.ts share it without importing each other. */
export interface ReconcileClient {
  batch<T = unknown>(commands: Record<string, BatchCommand>): Promise<BatchOutcome<T>>;
}
