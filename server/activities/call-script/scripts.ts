// Call scripts: ordered questions with options or free input, branches (an option may jump to another
// question or end the call with an outcome) and the deal field each answer fills.
// ADAPTER: templates/call-scripts/ (the four scripts of seed 000, per language) is being written by the
// integrations helper; these built-in collection scripts stand in with the same shape.

export interface ScriptOption {
  value: string;
  label: string;
  /** Next question id; absent = the next in order. */
  next?: string;
  /** Ends the call with this outcome. */
  outcome?: string;
}

export interface ScriptQuestion {
  id: string;
  text: string;
  /** Options to pick from; absent = free input. */
  options?: ScriptOption[];
  /** 'date' asks for YYYY-MM-DD. */
  input?: 'text' | 'date';
  /** Deal field (crm.deal.update FIELDS key) the answer fills. */
  dealField?: string;
  /** Return value (RETURN_PROPERTIES key) the answer fills. */
  returns?: string;
}

export interface CallScript {
  code: string;
  language: string;
  title: string;
  questions: ScriptQuestion[];
  /** Outcome when the last question is answered without an option outcome. */
  defaultOutcome: string;
}

const late = (language: 'es' | 'ru' | 'en'): CallScript => {
  const t = {
    es: ['Llamada de cobranza', '¿Habla con el titular del préstamo?', 'Sí', 'No', '¿Puede pagar el monto vencido hoy?', 'Sí, hoy', 'Promete pagar', 'Se niega', '¿Qué fecha promete pagar?', 'Comentario'],
    ru: ['Звонок по просрочке', 'Вы говорите с заёмщиком?', 'Да', 'Нет', 'Может ли клиент оплатить просрочку сегодня?', 'Да, сегодня', 'Обещает оплатить', 'Отказывается', 'Дата обещанного платежа?', 'Комментарий'],
    en: ['Collections call', 'Are you speaking to the borrower?', 'Yes', 'No', 'Can they pay the overdue amount today?', 'Yes, today', 'Promises to pay', 'Refuses', 'What date do they promise to pay?', 'Comment'],
  }[language];
  return {
    code: 'late',
    language,
    title: t[0]!,
    defaultOutcome: 'promise',
    questions: [
      { id: 'reached', text: t[1]!, options: [{ value: 'yes', label: t[2]! }, { value: 'no', label: t[3]!, outcome: 'not_reached' }] },
      {
        id: 'pay_today',
        text: t[4]!,
        options: [
          { value: 'today', label: t[5]!, next: 'comment', outcome: 'pays_today' },
          { value: 'promise', label: t[6]!, next: 'promise_date' },
          { value: 'refuse', label: t[7]!, next: 'comment', outcome: 'refused' },
        ],
      },
      { id: 'promise_date', text: t[8]!, input: 'date', dealField: 'UF_CRM_LOAN_PROMISE_DATE', returns: 'promiseDate' },
      { id: 'comment', text: t[9]!, input: 'text', dealField: 'COMMENTS' },
    ],
  };
};

const SCRIPTS: Record<string, (l: 'es' | 'ru' | 'en') => CallScript> = {
  late,
  early: (l) => ({ ...late(l), code: 'early' }),
  promise: (l) => ({ ...late(l), code: 'promise' }),
};

export function findScript(code: string, language: string): CallScript | undefined {
  const lang = language === 'es' || language === 'ru' ? language : 'en';
  return SCRIPTS[code]?.(lang);
}
