// How an answer typed during a call is checked and what the deal gets from it. Amounts and whole
// numbers are read in the script's language with the app's one number parser (lending/locale-number.ts):
// an operator in Moscow answers "85 000" or "85000,50", one in Mexico "85,000.50". The deal field gets
// the plain decimal ("85000.50"); the answer keeps what was typed. Refusals are in the script's language.
import { parseLocaleNumber, type ParsedNumber } from '../../lending/locale-number.js';
import { isValidClabe } from '../../lending/clabe.js';
import type { CallScript, CallScriptQuestion } from './schema.js';

type Lang = CallScript['lang'];
type Problem = 'choose' | 'required' | 'wholeNumber' | 'amount' | 'ambiguous' | 'grouping' | 'date' | 'phone' | 'clabe';

const PROBLEMS: Record<Lang, Record<Problem, string>> = {
  en: {
    choose: 'choose one of the options',
    required: 'required',
    wholeNumber: 'a whole number',
    amount: 'an amount like 1,500.00',
    ambiguous: 'thousands or decimals? write 15,000 or 15.50',
    grouping: 'group digits by three: 15,000',
    date: 'a date YYYY-MM-DD',
    phone: 'a phone number',
    clabe: 'an 18-digit CLABE with a valid control digit',
  },
  es: {
    choose: 'elija una de las opciones',
    required: 'obligatorio',
    wholeNumber: 'un número entero',
    amount: 'un monto como 1,500.00',
    ambiguous: '¿miles o decimales? escriba 15,000 o 15.50',
    grouping: 'agrupe los dígitos de tres en tres: 15,000',
    date: 'una fecha AAAA-MM-DD',
    phone: 'un número de teléfono',
    clabe: 'una CLABE de 18 dígitos con dígito de control válido',
  },
  ru: {
    choose: 'выберите один из вариантов',
    required: 'обязательный ответ',
    wholeNumber: 'целое число',
    amount: 'сумма, например 1 500,00',
    ambiguous: 'тысячи или копейки? пишите 15 000 или 15,50',
    grouping: 'разряды — по три цифры: 15 000',
    date: 'дата ГГГГ-ММ-ДД',
    phone: 'номер телефона',
    clabe: 'CLABE из 18 цифр с верной контрольной цифрой',
  },
};

// A call-script amount carries no currency: cents at most, as for MXN and RUB, which also lets
// "1.000" be recognised as ambiguous.
const ANSWER_SCALE = { number: 0, money: 2 } as const;

function readNumber(q: CallScriptQuestion, v: string, lang: Lang): ParsedNumber {
  return parseLocaleNumber(v, lang, { scale: q.type === 'number' ? ANSWER_SCALE.number : ANSWER_SCALE.money });
}

function numberProblem(q: CallScriptQuestion, r: ParsedNumber): Problem | undefined {
  if (!r.ok)
    return r.code === 'AMBIGUOUS_SEPARATOR'
      ? 'ambiguous'
      : r.code === 'BAD_GROUPING'
        ? 'grouping'
        : q.type === 'number'
          ? 'wholeNumber'
          : 'amount';
  // Amounts are never negative; whole numbers may be.
  return q.type === 'money' && r.value.startsWith('-') ? 'amount' : undefined;
}

/** Why the answer does not do, in the script's language; undefined when it does. */
export function checkAnswer(q: CallScriptQuestion, raw: string | undefined, lang: Lang = 'en'): string | undefined {
  const problem = answerProblem(q, raw?.trim() ?? '', lang);
  return problem && PROBLEMS[lang][problem];
}

function answerProblem(q: CallScriptQuestion, v: string, lang: Lang): Problem | undefined {
  if (q.type === 'choice') return q.options.some((o) => o.value === v) ? undefined : 'choose';
  if (!v) return q.required ? 'required' : undefined;
  switch (q.type) {
    case 'number':
    case 'money':
      return numberProblem(q, readNumber(q, v, lang));
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? undefined : 'date';
    case 'phone':
      return /^\+?[\d\s()-]{7,20}$/.test(v) ? undefined : 'phone';
    default:
      return q.validation === 'clabe' && !isValidClabe(v.replace(/[\s-]/g, '')) ? 'clabe' : undefined;
  }
}

/** What a checked, non-empty input answer writes into its deal field: amounts and numbers as plain decimals. */
export function answerValue(q: CallScriptQuestion, value: string, lang: Lang): string {
  if (q.type === 'number' || q.type === 'money') {
    const r = readNumber(q, value, lang);
    return r.ok ? r.value : value;
  }
  return q.type !== 'choice' && q.validation === 'clabe' ? value.replace(/[\s-]/g, '') : value;
}
