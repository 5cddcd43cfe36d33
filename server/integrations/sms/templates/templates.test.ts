import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.js';
import { loadSmsTemplates, parseSmsTemplate } from './load.js';
import { renderSmsTemplate } from './render.js';

const templates = loadSmsTemplates();

describe('SMS templates in templates/sms', () => {
  it('ship the same set for es, ru and en', () => {
    const ids = (lang: string) => templates.filter((t) => t.lang === lang && !t.id.endsWith('-translit')).map((t) => t.id);
    expect(ids('es')).toEqual(['approval', 'overdue-notice', 'payment-received', 'payment-reminder', 'payout-done']);
    expect(ids('ru')).toEqual(ids('es'));
    expect(ids('en')).toEqual(ids('es'));
  });

  it.each(templates.map((t) => [`${t.lang}/${t.id}`, t] as const))('%s renders with its sample data', (_name, t) => {
    const r = renderSmsTemplate(t, t.sample);
    expect(r.text).not.toMatch(/\{\{|\}\}/);
    // The figure the template editor shows; printed so a reviewer sees the cost of each template.
    console.info(`${t.lang}/${t.id}: ${r.analysis.encoding}, ${r.analysis.units} units, ${r.analysis.segments} segment(s)`);
    expect(r.analysis.segments).toBeGreaterThanOrEqual(1);
    expect(r.analysis.segments).toBeLessThanOrEqual(2);
    if (t.transliterate) expect(r.analysis.encoding).toBe('GSM7');
  });

  it('Spanish templates fit one GSM-7 SMS once transliterated, within the 150 characters seed 000’s gateway took', () => {
    for (const t of templates.filter((x) => x.lang === 'es')) {
      const a = renderSmsTemplate(t, t.sample).analysis;
      expect(a).toMatchObject({ encoding: 'GSM7', segments: 1 });
      expect(a.units).toBeLessThanOrEqual(150);
    }
  });
});

describe('renderSmsTemplate', () => {
  const t = { id: 't', text: 'Hola {{ name }}, pague {{amount}} antes del {{due}}.', transliterate: false as const };
  it('refuses missing variables with a typed error listing them', () => {
    const e = (() => {
      try {
        renderSmsTemplate(t, { name: 'Ana', amount: '' });
      } catch (x) {
        return x as AppError;
      }
      return undefined;
    })();
    expect(e?.code).toBe('SMS_TEMPLATE_VARIABLE_MISSING');
    expect(e?.details).toMatchObject({ missing: ['amount', 'due'] });
  });
  it('never expands placeholders inside values, and normalises the result', () => {
    expect(renderSmsTemplate(t, { name: '{{amount}}', amount: 150, due: '5 – 6' }).text).toBe(
      'Hola {{amount}}, pague 150 antes del 5 - 6.',
    );
  });
  it('validates template files: undeclared placeholders are refused', () => {
    expect(() =>
      parseSmsTemplate({ id: 'x', lang: 'es', title: 'x', transliterate: false, text: '{{a}}', variables: {}, sample: {} }, 'x.json'),
    ).toThrow(/not declared/);
  });
});
