// The script as the employee sees it during the call: the questions answered along the branch taken,
// then the one to ask now; options as buttons, free input saved on blur (nothing on paper).
import type { CallScriptModel } from './model.js';
import { fill } from './path.js';
import type { CallScript } from './types.js';

type Question = CallScript['questions'][number];

const TEXT: Record<string, Record<string, string>> = {
  en: { call: 'Call', finish: 'Finish', none: 'No open call script for this deal.', done: 'Call finished. The deal was updated.' },
  es: {
    call: 'Llamar',
    finish: 'Terminar',
    none: 'No hay guion de llamada abierto para este trato.',
    done: 'Llamada terminada. El trato fue actualizado.',
  },
  ru: {
    call: 'Позвонить',
    finish: 'Завершить',
    none: 'Нет открытого скрипта звонка по сделке.',
    done: 'Звонок завершён. Сделка обновлена.',
  },
};

function QuestionView({
  q,
  value,
  vars,
  error,
  model,
}: {
  q: Question;
  value: string | undefined;
  vars: Record<string, string>;
  error?: string;
  model: CallScriptModel;
}) {
  return (
    <fieldset class="q">
      <legend>{fill(q.text, vars)}</legend>
      {q.hint && <small>{q.hint}</small>}
      {q.type === 'choice' ? (
        q.options.map((o) => (
          <button
            type="button"
            class={value === o.value ? 'chosen' : ''}
            disabled={model.busy.value}
            onClick={() => void model.answer(q.id, o.value)}
          >
            {o.label}
          </button>
        ))
      ) : q.type === 'date' ? (
        <input type="date" value={value ?? ''} onBlur={(e) => void model.answer(q.id, e.currentTarget.value)} />
      ) : (
        <input
          type="text"
          inputMode={q.type === 'text' ? 'text' : 'decimal'}
          value={value ?? ''}
          onBlur={(e) => void model.answer(q.id, e.currentTarget.value)}
        />
      )}
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}

export function App({ model, lang }: { model: CallScriptModel; lang: string }) {
  const t = TEXT[lang] ?? TEXT.en!;
  const c = model.current.value;
  if (model.finished.value) return <p class="done">{t.done}</p>;
  if (!c?.script) return <p>{t.none}</p>;
  const p = model.path.value;
  const shown = p.next ? [...p.asked, p.next] : p.asked;
  return (
    <div class="call-script">
      <h2>{c.script.title}</h2>
      <button type="button" class="call" disabled={model.busy.value} onClick={() => void model.call()}>
        {t.call}
      </button>
      {shown.map((q) => (
        <QuestionView key={q.id} q={q} value={c.answers[q.id]} vars={c.vars} error={p.errors[q.id]} model={model} />
      ))}
      {p.end && <p class="end">{fill(p.end.text, c.vars)}</p>}
      {model.error.value && <p class="error">{model.error.value}</p>}
      <button type="button" class="finish" disabled={!p.complete || model.busy.value} onClick={() => void model.finish()}>
        {t.finish}
      </button>
    </div>
  );
}
