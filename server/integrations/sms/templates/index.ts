export { renderSmsTemplate, templatePlaceholders, type RenderedSms, type SmsTemplateVars } from './render.js';
export { SmsTemplateSchema, type SmsTemplate } from './schema.js';
export { loadSmsTemplates, parseSmsTemplate, SMS_TEMPLATES_DIR } from './load.js';
export { smsVariables, formatSmsAmount, formatSmsDate, type SmsLang, type SmsVariableSource } from './variables.js';
