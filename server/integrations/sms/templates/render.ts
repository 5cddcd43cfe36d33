import { AppError } from '../../../errors.js';
import { analyzeSms, type SmsAnalysis } from '../encoding/index.js';
import type { SmsTemplate } from './schema.js';

// Pure: `{{name}}` placeholders (spaces inside the braces allowed), replaced in one pass so a value
// that itself contains "{{x}}" is never expanded. A missing variable is an error, never an empty
// gap in a message to a borrower.

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g;

export type SmsTemplateVars = Readonly<Record<string, string | number | null | undefined>>;

export function templatePlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

export interface RenderedSms {
  text: string;
  analysis: SmsAnalysis;
}

export function renderSmsTemplate(template: Pick<SmsTemplate, 'id' | 'text' | 'transliterate'>, vars: SmsTemplateVars): RenderedSms {
  const missing = templatePlaceholders(template.text).filter((n) => vars[n] === undefined || vars[n] === null || vars[n] === '');
  if (missing.length > 0) {
    throw new AppError(
      'SMS_TEMPLATE_VARIABLE_MISSING',
      `SMS template ${template.id} needs ${missing.join(', ')}`,
      { key: 'SMS_VALUE_MISSING', params: { names: missing.join(', ') } },
      { template: template.id, missing },
    );
  }
  const raw = template.text.replace(PLACEHOLDER, (_m, name: string) => String(vars[name]));
  const analysis = analyzeSms(raw, { transliterate: template.transliterate });
  return { text: analysis.text, analysis };
}
