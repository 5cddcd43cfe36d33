// Shapes the call-script API returns; the script is templates/call-scripts' CallScript.
import type { CallScript } from '../../templates/call-scripts/index.js';

export type { CallScript };

export interface OpenScript {
  callId: string;
  status: 'waiting' | 'done' | string;
  script: CallScript | null;
  answers: Record<string, string>;
  outcome: string | null;
  /** Values for {{names}} in question texts. */
  vars: Record<string, string>;
  /** Neutral stand-ins for the {{names}} without a value (the admin is told in the robot log). */
  fallbacks?: Record<string, string>;
}
