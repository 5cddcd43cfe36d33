import { describe, expect, it } from 'vitest';
import { loadCallScriptFields, loadCallScripts } from './load.js';
import type { CallScript } from './schema.js';
import { allPaths, nextSteps, validateCallScript } from './validate.js';

const scripts = loadCallScripts();
const fields = loadCallScriptFields();
const SEED_000 = ['contact-verification', 'employer-verification', 'final-call', 'first-call'];

// Payout options are per market, not a translation: a Mexican borrower is paid by SPEI to a CLABE or
// in cash at OXXO, a Russian one by СБП, to a card or to an account by its requisites, and the
// English script names neither country's rails. So the payout question's options, and the steps only
// they lead to (es: the CLABE), may differ between languages. What the engine, the deal and the
// workflow rely on must not: the start, the variables, every other question with its type, field and
// branches, the payout question's own id, type and field, and the ends with the outcomes the workflow
// reads. The market-only steps are named here, so a new difference has to be declared to pass.
const MARKET_CHOICES: Record<string, { question: string; marketSteps: string[] }> = {
  'final-call': { question: 'payout_method', marketSteps: ['clabe'] },
};

// Language-neutral shape: ids, types, branches, fields — must be the same in es, ru and en.
const shape = (s: CallScript) => {
  const market = MARKET_CHOICES[s.id];
  return {
    start: s.start,
    variables: s.variables,
    questions: s.questions
      .filter((q) => !market?.marketSteps.includes(q.id))
      .map((q) =>
        q.id === market?.question
          ? { id: q.id, type: q.type, field: q.field }
          : {
              id: q.id,
              type: q.type,
              field: q.field,
              next: nextSteps(q),
              values: q.type === 'choice' ? q.options.map((o) => o.value) : undefined,
            },
      ),
    ends: s.ends.map((e) => [e.id, e.outcome]),
  };
};

describe('call scripts in templates/call-scripts', () => {
  it('ship the four scripts of seed 000 in es, ru and en', () => {
    for (const lang of ['es', 'ru', 'en']) expect(scripts.filter((s) => s.lang === lang).map((s) => s.id)).toEqual(SEED_000);
  });

  it.each(scripts.map((s) => [`${s.lang}/${s.id}`, s] as const))('%s: every path from the start reaches an end', (_n, s) => {
    const ends = new Set(s.ends.map((e) => e.id));
    const paths = allPaths(s);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(ends.has(p.at(-1)!)).toBe(true);
    const reached = new Set(paths.flat());
    expect([...s.questions.map((q) => q.id), ...ends].filter((id) => !reached.has(id))).toEqual([]);
  });

  it('every field a script fills is declared in fields.json with labels in es/ru/en', () => {
    const declared = new Set(fields.fields.map((f) => f.name));
    const used = new Set(scripts.flatMap((s) => s.questions.map((q) => q.field).filter((f): f is string => !!f)));
    expect([...used].filter((f) => !declared.has(f))).toEqual([]);
    expect([...declared].filter((f) => !used.has(f))).toEqual([]);
  });

  it('translations share one structure', () => {
    for (const id of SEED_000) {
      const [es, ru, en] = ['es', 'ru', 'en'].map((l) => scripts.find((s) => s.id === id && s.lang === l)!);
      expect(shape(ru!)).toEqual(shape(es!));
      expect(shape(en!)).toEqual(shape(es!));
    }
  });

  it('the final call offers each market its own payout rails, and only a market step leaves the common path', () => {
    const payout = (lang: string) => {
      const s = scripts.find((x) => x.id === 'final-call' && x.lang === lang)!;
      const q = s.questions.find((x) => x.id === 'payout_method')!;
      return { s, options: q.type === 'choice' ? q.options : [] };
    };
    const labels = (lang: string) => payout(lang).options.map((o) => o.label);
    expect(labels('es')).toEqual(['Transferencia SPEI a su cuenta (CLABE)', 'Efectivo en OXXO', 'Efectivo en sucursal']);
    expect(labels('ru')).toEqual(['По СБП на номер телефона', 'На банковскую карту', 'На счёт по реквизитам', 'Наличными в офисе']);
    expect(labels('en')).toEqual(['Bank transfer to your account', 'To your bank card', 'Cash at the office']);
    // Mexican rails are named only in the Mexican script.
    for (const lang of ['ru', 'en']) expect(JSON.stringify(payout(lang).s)).not.toMatch(/OXXO|CLABE|SPEI/u);
    // Every option goes to a step all languages share, or to a market step declared above.
    const { marketSteps } = MARKET_CHOICES['final-call']!;
    for (const lang of ['es', 'ru', 'en']) {
      const common = new Set(
        ['es', 'ru', 'en'].map((l) => payout(l).s.questions.map((q) => q.id)).reduce((a, b) => a.filter((id) => b.includes(id))),
      );
      for (const o of payout(lang).options) expect(common.has(o.next) || marketSteps.includes(o.next)).toBe(true);
    }
  });
});

describe('validateCallScript', () => {
  const base = {
    id: 'x',
    lang: 'en',
    title: 'X',
    description: '',
    variables: ['client_name'],
    start: 'a',
    questions: [
      {
        id: 'a',
        type: 'choice',
        text: 'Hi {{client_name}}?',
        options: [
          { value: 'y', label: 'Y', next: 'b' },
          { value: 'n', label: 'N', next: 'done' },
        ],
      },
      { id: 'b', type: 'text', text: 'Notes', required: false, next: 'done' },
    ],
    ends: [{ id: 'done', outcome: 'completed', text: 'Bye' }],
  };
  const variant = (f: (s: typeof base) => unknown) => validateCallScript(f(structuredClone(base))).errors;

  it('accepts a valid script', () => expect(validateCallScript(base).errors).toEqual([]));
  it('finds a dangling branch', () =>
    expect(variant((s) => ((s.questions[1]!.next = 'nowhere'), s))).toEqual(['b: next "nowhere" does not exist']));
  it('finds a cycle', () => expect(variant((s) => ((s.questions[1]!.next = 'a'), s))).toEqual(['cycle: a → b → a']));
  it('finds duplicate ids', () =>
    expect(variant((s) => ((s.ends[0]!.id = 'b'), (s.questions[0]!.options![1]!.next = 'b'), s))).toContain('duplicate id "b"'));
  it('finds unreachable steps', () =>
    expect(variant((s) => ((s.questions[0]!.options![0]!.next = 'done'), s))).toEqual(['"b" is unreachable from the start']));
  it('finds undeclared variables', () =>
    expect(variant((s) => ((s.variables = []), s))).toEqual(['a: undeclared variable {{client_name}}']));
  it('refuses bad shapes through the schema', () => expect(variant((s) => ({ ...s, start: 'A!' })).length).toBeGreaterThan(0));

  it('ru/first-call says it in natural Russian (QA): the wrong number and the employment question', () => {
    const ru = scripts.find((s) => s.id === 'first-call' && s.lang === 'ru')!;
    const q = (id: string) => ru.questions.find((x) => x.id === id)!;
    const identity = q('identity');
    expect(identity.type === 'choice' && identity.options.find((o) => o.value === 'wrong_number')?.label).toBe('Ошиблись номером');
    // Answered with employment types, not a place of work.
    expect(q('employment').text).toBe('Какая у вас занятость?');
  });
});
