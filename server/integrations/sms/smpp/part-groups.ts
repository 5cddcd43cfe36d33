import { FINAL_SMS_STATUSES, type SmsStatus, type SmsStatusUpdate } from '../provider.js';
import type { ParsedReceipt } from './receipt.js';

// A long SMS goes as several submit_sm parts, each with its own SMSC id and its own receipt; the
// person asked for one message, so its status is the worst part's, final only when every part is.
// In memory only: after a restart, receipts for the remaining parts arrive under part ids.

const MAX_TRACKED_PARTS = 50_000;

const SEVERITY: Readonly<Record<SmsStatus, number>> = { queued: 0, sent: 1, delivered: 2, undelivered: 3, failed: 4 };

interface PartGroup {
  messageId: string;
  pending: Set<string>;
  worst: SmsStatus;
  errorCode?: string;
}

export class PartGroups {
  private readonly groups = new Map<string, PartGroup>();

  /** Remembers the parts of one message; the first part's id names the message. */
  track(partIds: readonly string[]): void {
    if (partIds.length < 2) return;
    const group: PartGroup = { messageId: partIds[0] as string, pending: new Set(partIds), worst: 'queued' };
    for (const id of partIds) this.groups.set(id, group);
    // Bounded: receipts that never come must not grow memory forever (oldest entries go first).
    for (const oldest of this.groups.keys()) {
      if (this.groups.size <= MAX_TRACKED_PARTS) break;
      this.groups.delete(oldest);
    }
  }

  /** The status update one receipt means for its message, if it means one yet. */
  onReceipt(receipt: ParsedReceipt): SmsStatusUpdate | undefined {
    const group = this.groups.get(receipt.messageId);
    if (!group)
      return {
        providerMessageId: receipt.messageId,
        status: receipt.status,
        ...(receipt.errorCode ? { errorCode: receipt.errorCode } : {}),
      };
    if (SEVERITY[receipt.status] > SEVERITY[group.worst]) {
      group.worst = receipt.status;
      if (receipt.errorCode) group.errorCode = receipt.errorCode;
    }
    if (!FINAL_SMS_STATUSES.has(receipt.status)) return { providerMessageId: group.messageId, status: 'sent' };
    group.pending.delete(receipt.messageId);
    this.groups.delete(receipt.messageId);
    // The message counts as delivered only when every part is; the worst part decides otherwise.
    if (group.pending.size > 0) return undefined;
    return { providerMessageId: group.messageId, status: group.worst, ...(group.errorCode ? { errorCode: group.errorCode } : {}) };
  }
}
