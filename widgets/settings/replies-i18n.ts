// Words of the bank-reply review queue (components/review-queue.tsx); the reasons a reply was not
// applied by itself are templates/mail/refusal-reasons.ts, shared with the server's to-do.
import type { Lang } from './i18n.js';
import type { SectionProblem } from './providers-model.js';
import type { ReplyState } from './replies-model.js';

const en = {
  title: 'Bank replies to review',
  intro:
    'Replies from banks that did not move their deal by themselves. Read the new text and what the app understood, then apply the decision (the deal moves and the client is told once) or dismiss it.',
  empty: 'No replies are waiting.',
  loading: 'Loading…',
  from: 'From',
  received: 'Received',
  deal: 'Deal',
  noDeal: 'not found',
  bank: 'Bank',
  noBank: 'unknown',
  decision: 'Decision',
  amount: 'Amount',
  why: 'Why it was not applied',
  text: 'New text of the message',
  apply: 'Apply',
  dismiss: 'Dismiss',
  'dec.approved': 'Approved',
  'dec.rejected': 'Rejected',
  'dec.counter-offer': 'Counter-offer',
  'dec.none': 'Not found',
  'state.applying': 'Applying…',
  'state.dismissing': 'Dismissing…',
  'state.queued': 'Queued: the deal moves in a moment.',
  'state.notPending': 'Someone already applied or dismissed this reply. Reload the page.',
  'state.notApplicable': 'This reply names no deal, bank or decision: dismiss it and move the deal by hand.',
  'state.failed': 'Could not do it. Try again.',
  'done.applied': 'Applied',
  'done.dismissed': 'Dismissed',
  'problem.refused': 'Could not load the replies. Try again.',
  'problem.forbidden': 'Only a portal administrator can review bank replies.',
  'problem.session': 'Your session has expired. Reopen the application.',
  'problem.network': 'No connection to the application. Try again.',
};

type Dict = Record<keyof typeof en, string>;

const es: Dict = {
  title: 'Respuestas de bancos por revisar',
  intro:
    'Respuestas de bancos que no movieron su negociación por sí solas. Lea el texto nuevo y lo que entendió la aplicación; luego aplique la decisión (la negociación avanza y se avisa al cliente una sola vez) o descártela.',
  empty: 'No hay respuestas en espera.',
  loading: 'Cargando…',
  from: 'De',
  received: 'Recibida',
  deal: 'Negociación',
  noDeal: 'no encontrada',
  bank: 'Banco',
  noBank: 'desconocido',
  decision: 'Decisión',
  amount: 'Monto',
  why: 'Por qué no se aplicó',
  text: 'Texto nuevo del mensaje',
  apply: 'Aplicar',
  dismiss: 'Descartar',
  'dec.approved': 'Aprobado',
  'dec.rejected': 'Rechazado',
  'dec.counter-offer': 'Contraoferta',
  'dec.none': 'No encontrada',
  'state.applying': 'Aplicando…',
  'state.dismissing': 'Descartando…',
  'state.queued': 'En cola: la negociación avanza en un momento.',
  'state.notPending': 'Alguien ya aplicó o descartó esta respuesta. Recargue la página.',
  'state.notApplicable': 'Esta respuesta no indica negociación, banco o decisión: descártela y mueva la negociación a mano.',
  'state.failed': 'No se pudo. Inténtelo de nuevo.',
  'done.applied': 'Aplicada',
  'done.dismissed': 'Descartada',
  'problem.refused': 'No se pudieron cargar las respuestas. Inténtelo de nuevo.',
  'problem.forbidden': 'Solo un administrador del portal puede revisar las respuestas de bancos.',
  'problem.session': 'Su sesión expiró. Vuelva a abrir la aplicación.',
  'problem.network': 'Sin conexión con la aplicación. Inténtelo de nuevo.',
};

const ru: Dict = {
  title: 'Ответы банков на проверку',
  intro:
    'Ответы банков, которые не перевели сделку сами. Прочитайте новый текст и то, что поняло приложение, затем примените решение (сделка переходит, клиент получает уведомление один раз) или отклоните письмо.',
  empty: 'Ожидающих ответов нет.',
  loading: 'Загрузка…',
  from: 'От',
  received: 'Получено',
  deal: 'Сделка',
  noDeal: 'не найдена',
  bank: 'Банк',
  noBank: 'неизвестен',
  decision: 'Решение',
  amount: 'Сумма',
  why: 'Почему не применено',
  text: 'Новый текст письма',
  apply: 'Применить',
  dismiss: 'Отклонить',
  'dec.approved': 'Одобрено',
  'dec.rejected': 'Отказ',
  'dec.counter-offer': 'Встречное предложение',
  'dec.none': 'Не найдено',
  'state.applying': 'Применяем…',
  'state.dismissing': 'Отклоняем…',
  'state.queued': 'В очереди: сделка перейдёт через минуту.',
  'state.notPending': 'Это письмо уже применили или отклонили. Обновите страницу.',
  'state.notApplicable': 'В письме не определены сделка, банк или решение: отклоните его и переведите сделку вручную.',
  'state.failed': 'Не получилось. Попробуйте ещё раз.',
  'done.applied': 'Применено',
  'done.dismissed': 'Отклонено',
  'problem.refused': 'Не удалось загрузить ответы. Попробуйте ещё раз.',
  'problem.forbidden': 'Проверять ответы банков может только администратор портала.',
  'problem.session': 'Сессия истекла. Откройте приложение заново.',
  'problem.network': 'Нет связи с приложением. Попробуйте ещё раз.',
};

const dictionaries: Record<Lang, Dict> = { en, es, ru };

export type RepliesKey = keyof typeof en;
export type RepliesTranslate = (key: RepliesKey) => string;

export function repliesTranslator(lang: Lang): RepliesTranslate {
  const d = dictionaries[lang];
  return (key) => d[key];
}

export const decisionKey = (d: string | null): RepliesKey =>
  d === 'approved' || d === 'rejected' || d === 'counter-offer' ? `dec.${d}` : 'dec.none';
export const stateKey = (s: ReplyState): RepliesKey => `state.${s}`;
export const repliesProblemKey = (p: SectionProblem): RepliesKey => (p === 'invalid' ? 'problem.refused' : `problem.${p}`);
