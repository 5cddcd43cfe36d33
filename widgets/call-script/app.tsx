// The script as the employee sees it during the call: one question after another along the branch the
// answers take, options as buttons, free input saved on blur.
import type { CallScriptModel } from './model.js';
import type { ScriptQuestion } from './types.js';

const TEXT: Record<string, Record<string, string>> = {
  en: { call: 'Call', finish: 'Finish', none: 'No open call script for this deal.', done: 'Call finished. The deal was updated.' },
  es: { call: 'Llamar', finish: 'Terminar', none: 'No hay guion de llamada abierto para este trato.', done: 'Llamada terminada. El trato fue actualizado.' },
  ru: { call: 'Позвонить', finish: 'Завершить', none: 'Нет открытого скрипта звонка по сделке.', done: 'Звонок завершён. Сделка обновлена.' },
};

function Question({ q, value, model }: { q: ScriptQuestion; value: string | undefined; model: CallScriptModel }) {
  return (
    <fieldset class="q">
      <legend>{q.text}</legend>
      {q.options ? (
        q.options.map((o) => (
          <button type="button" class={value === o.value ? 'chosen' : ''} disabled={model.busy.value} onClick={() => void model.answer(q.id, o.value)}>
            {o.label}
          </button>
        ))
      ) : (
        q.input === 'date' ? (
          <input type="date" value={value ?? ''} onBlur={(e) => void model.answer(q.id, e.currentTarget.value)} />
        ) : (
          <input type="text" value={value ?? ''} onBlur={(e) => void model.answer(q.id, e.currentTarget.value)} />
        )
      )}
    </fieldset>
  );
}

export function App({ model, lang }: { model: CallScriptModel; lang: string }) {
  const t = TEXT[lang] ?? TEXT.en!;
  const c = model.current.value;
  if (model.finished.value) return <p class="done">{t.done}</p>;
  if (!c?.script) return <p>{t.none}</p>;
  return (
    <div class="call-script">
      <h2>{c.script.title}</h2>
      <button type="button" class="call" disabled={model.busy.value} onClick={() => void model.call()}>
        {t.call}
      </button>
      {model.path.value.path.map((q) => (
        <Question key={q.id} q={q} value={c.answers[q.id]} model={model} />
      ))}
      {model.error.value && <p class="error">{model.error.value}</p>}
      <button type="button" class="finish" disabled={!model.path.value.complete || model.busy.value} onClick={() => void model.finish()}>
        {t.finish}
      </button>
    </div>
  );
}
