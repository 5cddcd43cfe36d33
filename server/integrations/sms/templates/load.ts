import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../../../errors.js';
import { SmsTemplateSchema, type SmsTemplate } from './schema.js';
import { templatePlaceholders } from './render.js';

export const SMS_TEMPLATES_DIR = fileURLToPath(new URL('../../../../templates/sms/', import.meta.url));

/** Validates shape and consistency: placeholders declared, sample covers them, file name = id. */
export function parseSmsTemplate(json: unknown, where: string): SmsTemplate {
  if (!Value.Check(SmsTemplateSchema, json)) {
    const first = [...Value.Errors(SmsTemplateSchema, json)][0];
    throw new AppError('VALIDATION', `${where}: ${first?.path ?? ''} ${first?.message ?? 'invalid'}`);
  }
  const used = templatePlaceholders(json.text);
  const undeclared = used.filter((n) => !(n in json.variables));
  if (undeclared.length) throw new AppError('VALIDATION', `${where}: placeholders not declared in variables: ${undeclared.join(', ')}`);
  const noSample = Object.keys(json.variables).filter((n) => !json.sample[n]);
  if (noSample.length) throw new AppError('VALIDATION', `${where}: sample lacks ${noSample.join(', ')}`);
  return json;
}

/** All templates of one language (or every language), sorted by id. */
export function loadSmsTemplates(dir = SMS_TEMPLATES_DIR): SmsTemplate[] {
  const out: SmsTemplate[] = [];
  for (const lang of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const where = `templates/sms/${lang}/${file}`;
      const t = parseSmsTemplate(JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as unknown, where);
      if (t.lang !== lang || `${t.id}.json` !== file) throw new AppError('VALIDATION', `${where}: id/lang do not match the path`);
      out.push(t);
    }
  }
  return out;
}
