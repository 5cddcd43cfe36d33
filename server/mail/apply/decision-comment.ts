import { formatAmount } from './client-notice.js';
import type { StoredReply } from './reply-repo.js';

// The timeline comment of an applied decision, in the portal's language: who decided what (the bank,
// the decision, the amount), who applied it (the app by itself, or the employee who clicked) and the
// evidence — how the reply was matched to the deal and what its sender's authentication said — and,
// for a rejection recorded while other banks are still deciding, which banks those are. Pure.

type Lang = 'ru' | 'en' | 'es';

const DECISION: Record<Lang, Record<string, string>> = {
  ru: { approved: 'одобрил', rejected: 'отказал', 'counter-offer': 'сделал встречное предложение' },
  en: { approved: 'approved', rejected: 'rejected', 'counter-offer': 'made a counter-offer' },
  es: { approved: 'aprobó', rejected: 'rechazó', 'counter-offer': 'hizo una contraoferta' },
};

const MATCHED: Record<Lang, Record<string, string>> = {
  ru: {
    'message-id': 'ответ на наше письмо',
    token: 'подписанный адрес ответа',
    'forwarded-token': 'подписанный адрес в пересланном письме',
    subject: 'тема письма',
  },
  en: {
    'message-id': 'a reply to our message',
    token: 'the signed reply address',
    'forwarded-token': 'the signed address in a forward',
    subject: 'the subject',
  },
  es: {
    'message-id': 'respuesta a nuestro mensaje',
    token: 'la dirección de respuesta firmada',
    'forwarded-token': 'la dirección firmada en un reenvío',
    subject: 'el asunto',
  },
};

const WORDS: Record<
  Lang,
  {
    bank: string;
    amount: string;
    by: (u: number | null) => string;
    evidence: string;
    from: string;
    auth: string;
    moved: string;
    waiting: (banks: string) => string;
  }
> = {
  ru: {
    bank: 'Банк',
    amount: 'сумма',
    by: (u) => (u ? `применил сотрудник #${u} из очереди проверки` : 'применено автоматически'),
    evidence: 'Основание',
    from: 'отправитель',
    auth: 'проверка отправителя',
    moved: 'Сделка переведена на стадию',
    waiting: (b) => `Ещё ждём решения: ${b}. Сделка остаётся на своей стадии.`,
  },
  en: {
    bank: 'Bank',
    amount: 'amount',
    by: (u) => (u ? `applied by employee #${u} from the review queue` : 'applied automatically'),
    evidence: 'Evidence',
    from: 'sender',
    auth: 'sender authentication',
    moved: 'The deal moved to stage',
    waiting: (b) => `Still waiting for: ${b}. The deal stays at its stage.`,
  },
  es: {
    bank: 'El banco',
    amount: 'monto',
    by: (u) => (u ? `aplicado por el empleado #${u} desde la cola de revisión` : 'aplicado automáticamente'),
    evidence: 'Evidencia',
    from: 'remitente',
    auth: 'autenticación del remitente',
    moved: 'La negociación pasó a la etapa',
    waiting: (b) => `Aún esperamos a: ${b}. La negociación se queda en su etapa.`,
  },
};

export function decisionComment(
  lang: Lang,
  reply: Pick<StoredReply, 'decision' | 'amount' | 'currency' | 'matchedBy' | 'fromAddress' | 'understood' | 'decidedBy'>,
  bankName: string,
  stageId: string | null,
  /** A rejection recorded without a move: the names of the banks still deciding. */
  waitingFor: readonly string[] = [],
): string {
  const w = WORDS[lang];
  const amount = reply.amount && reply.currency ? `, ${w.amount} ${formatAmount(reply.amount, reply.currency, lang)}` : '';
  const auth = (reply.understood.auth ?? {}) as { dmarc?: string; dkimAligned?: boolean; spf?: string };
  const evidence = [
    MATCHED[lang][reply.matchedBy ?? ''] ?? reply.matchedBy ?? '—',
    `${w.from} ${reply.fromAddress ?? '—'}`,
    `${w.auth}: DMARC ${auth.dmarc ?? 'none'}, DKIM ${auth.dkimAligned ? 'pass' : 'none'}, SPF ${auth.spf ?? 'none'}`,
  ];
  const lines = [
    `${w.bank} ${bankName} ${DECISION[lang][reply.decision ?? ''] ?? reply.decision}${amount} (${w.by(reply.decidedBy)}).`,
    `${w.evidence}: ${evidence.join('; ')}.`,
  ];
  if (stageId) lines.push(`${w.moved} ${stageId}.`);
  if (waitingFor.length > 0) lines.push(w.waiting(waitingFor.join(', ')));
  return lines.join('\n');
}
