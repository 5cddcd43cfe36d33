// The `time` object of every REST answer (doc: api-reference/data-types.md#time, contract.md §2.2).
import { isoDate } from '../util.js';
import type { OperatingInfo } from '../limits.js';

export interface TimeInfo {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at?: number;
  operating?: number;
}

export function timeInfo(startMs: number, finishMs: number, op?: OperatingInfo): TimeInfo {
  const t: TimeInfo = {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: (finishMs - startMs) / 1000,
    date_start: isoDate(startMs),
    date_finish: isoDate(finishMs),
  };
  if (op) {
    if (op.operatingResetAt !== undefined) t.operating_reset_at = op.operatingResetAt;
    t.operating = op.operating;
  }
  return t;
}
