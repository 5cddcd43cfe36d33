// The script as the employee sees it during the call: the questions answered along the branch taken,
// then the one to ask now; options as buttons (the chosen one highlighted), free input saved on blur
// or Enter (nothing on paper). Finish sits in the header and again under the closing words, so it is on screen
// wherever the collector is in a long script.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallScriptModel } from './model.js';
import { fill } from './path.js';
import type { CallScript } from './types.js';
import { textsFor } from './texts.js';

type Question = CallScript['questions'][number];

/**
 * Enter (a phone keyboard's Go) saves the answer as leaving the field does: the employee reading out a
 * CLABE presses it and expects the next question, not a field that silently keeps focus. Blurring
 * runs the one save path (onBlur), so the answer is sent once.
 */
function leaveOnEnter(e: KeyboardEvent): void {
  if (e.key === 'Enter' && e.currentTarget instanceof HTMLInputElement) e.currentTarget.blur();
}

/**
 * A typed answer keeps what the employee typed until the server stores something else: a refused
 * CLABE stays in the field to be corrected digit by digit, not wiped by the re-render that shows the
 * refusal (a controlled input would reset to the stored answer, which a refusal leaves empty).
 */
function TypedAnswer({ q, value, model }: { q: Question; value: string | undefined; model: CallScriptModel }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const common = {
    class: 'cs-input',
    value: text,
    onInput: (e: { currentTarget: HTMLInputElement }) => setText(e.currentTarget.value),
    onBlur: (e: { currentTarget: HTMLInputElement }) => void model.answer(q.id, e.currentTarget.value),
    onKeyDown: leaveOnEnter,
  };
  if (q.type === 'date') return <input type="date" {...common} />;
  return <input type="text" inputMode={q.type === 'text' ? 'text' : q.type === 'phone' ? 'tel' : 'decimal'} {...common} />;
}

function QuestionView({
  q,
  n,
  value,
  fillText,
  error,
  model,
}: {
  q: Question;
  n: number;
  value: string | undefined;
  fillText: (s: string) => string;
  error?: string;
  model: CallScriptModel;
}) {
  const busy = model.busy.value;
  // A refusal appears under the field the employee just left; on a phone that is below the fold.
  const refusal = useRef<HTMLParagraphElement>(null);
  useEffect(() => (error ? bringOnScreen(refusal.current) : undefined), [error]);
  return (
    <fieldset class={`q cs-q${value === undefined ? ' cs-q--now' : ''}`}>
      <legend class="cs-q__text">
        <span class="cs-q__n">{n}</span>
        {fillText(q.text)}
      </legend>
      {q.hint && <p class="cs-q__hint cs-muted">{fillText(q.hint)}</p>}
      {q.type === 'choice' ? (
        <div class="cs-options">
          {q.options.map((o) => {
            const chosen = value === o.value;
            return (
              <button
                type="button"
                class={`cs-option${chosen ? ' cs-option--chosen chosen' : ''}`}
                aria-pressed={chosen}
                disabled={busy}
                onClick={() => void model.answer(q.id, o.value)}
              >
                {o.label}
              </button>
            );
          })}
        </div>
      ) : (
        <TypedAnswer q={q} value={value} model={model} />
      )}
      {error && (
        <p class="cs-field__error" ref={refusal}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * Scrolls the portal page so the element shows. While the frame is still shorter than its content
 * (the portal resizes it a moment later, fit-frame.ts) scrolling now would only move the frame's
 * inside, so it waits for that resize — the frame window's own resize event — or gives up after 1 s.
 */
function bringOnScreen(el: HTMLElement | null): (() => void) | undefined {
  if (!el) return undefined;
  const show = () => el.scrollIntoView({ block: 'nearest' });
  if (document.documentElement.scrollHeight <= window.innerHeight) {
    show();
    return undefined;
  }
  const timer = setTimeout(() => window.removeEventListener('resize', onResize), 1000);
  function onResize() {
    clearTimeout(timer);
    window.removeEventListener('resize', onResize);
    show();
  }
  window.addEventListener('resize', onResize);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('resize', onResize);
  };
}

export function App({ model, lang }: { model: CallScriptModel; lang: string }) {
  const t = textsFor(lang);
  const c = model.current.value;
  if (model.finished.value)
    return (
      <div class="cs-app cs-state">
        <p class="done cs-ok">{t.done}</p>
      </div>
    );
  if (!c?.script)
    return (
      <div class="cs-app cs-state cs-empty">
        <p class="cs-state__title">{t.none}</p>
        <p class="cs-muted">{t.noneHint}</p>
        {model.error.value && <p class="cs-error">{model.error.value}</p>}
      </div>
    );
  return <ScriptView model={model} t={t} />;
}

function ScriptView({ model, t }: { model: CallScriptModel; t: ReturnType<typeof textsFor> }) {
  const c = model.current.value!;
  const title = c.script?.title ?? '';
  const p = model.path.value;
  const shown = p.next ? [...p.asked, p.next] : p.asked;
  // After each answer the next step (the next question, or the closing words with Finish) is brought
  // on screen: the frame is as tall as the script, so on a phone it would open below the fold.
  const step = useRef<HTMLDivElement>(null);
  const stepKey = p.end ? `end:${p.end.id}` : (p.next?.id ?? '');
  useEffect(() => {
    if (p.asked.length > 0) return bringOnScreen(step.current);
  }, [stepKey]);
  const fillText = (s: string) => fill(s, c.vars, c.fallbacks);
  const busy = model.busy.value;
  const finishButton = (extra: string) => (
    <button type="button" class={`cs-button finish ${extra}`} disabled={!p.complete || busy} onClick={() => void model.finish()}>
      {t.finish}
    </button>
  );
  return (
    <div class="cs-app call-script" aria-busy={busy}>
      <header class="cs-header">
        <h2 class="cs-h2">{title}</h2>
        <div class="cs-actions">
          <button type="button" class="cs-button cs-button--light call" disabled={busy} onClick={() => void model.call()}>
            {t.call}
          </button>
          {finishButton('cs-finish--top')}
        </div>
      </header>
      {shown.map((q, i) => (
        <QuestionView
          key={q.id}
          q={q}
          n={i + 1}
          value={c.answers[q.id]}
          fillText={fillText}
          error={p.errors[q.id] ?? (model.errorAt.value === q.id ? (model.error.value ?? undefined) : undefined)}
          model={model}
        />
      ))}
      {!p.end && <div ref={step} />}
      {p.end && (
        <div class="cs-end" ref={step}>
          <p class="end">{fillText(p.end.text)}</p>
          {finishButton('cs-finish--end')}
        </div>
      )}
      {model.error.value && model.errorAt.value === null && <p class="error cs-error">{model.error.value}</p>}
    </div>
  );
}
