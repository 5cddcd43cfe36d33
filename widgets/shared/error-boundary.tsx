// The last line of defence of every widget: a bug must never put a raw JS message ("Cannot read
// properties of undefined") in front of a credit manager. The detail goes to the console for us.
import { Component, type ComponentChildren } from 'preact';
import type { WidgetLang } from './locale.js';

const CRASH_TEXT: Record<WidgetLang, string> = {
  en: 'Something went wrong while showing this tab. Reload the page; if it happens again, tell your administrator.',
  es: 'Algo salió mal al mostrar esta pestaña. Recargue la página; si vuelve a ocurrir, avise a su administrador.',
  ru: 'Не удалось показать вкладку. Обновите страницу; если ошибка повторится, сообщите администратору.',
};

export function crashText(lang: string | null | undefined): string {
  const l = (lang ?? '').slice(0, 2).toLowerCase();
  return CRASH_TEXT[l === 'ru' || l === 'es' ? l : 'en'];
}

/** Shows the crash text in the element itself (for failures before or outside rendering). */
export function showCrash(root: HTMLElement, lang: string | null | undefined, error: unknown): void {
  console.error(error);
  root.textContent = crashText(lang);
  root.setAttribute('data-error', 'yes');
}

interface Props {
  lang: string;
  children: ComponentChildren;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p class="widget-crash" role="alert" data-error="yes">
        {crashText(this.props.lang)}
      </p>
    );
  }
}
