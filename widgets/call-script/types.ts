// Shapes the call-script API returns (mirrors server/activities/call-script/scripts.ts).
export interface ScriptOption {
  value: string;
  label: string;
  next?: string;
  outcome?: string;
}

export interface ScriptQuestion {
  id: string;
  text: string;
  options?: ScriptOption[];
  input?: 'text' | 'date';
}

export interface OpenScript {
  callId: string;
  status: 'waiting' | 'done' | string;
  script: { code: string; title: string; questions: ScriptQuestion[] } | null;
  answers: Record<string, string>;
  outcome: string | null;
}
