// Why a bank's reply did not move its deal by itself, in ru/en/es — read on the review queue (the app
// page) and in the responsible employee's to-do. The codes are server/mail/auto-apply.ts
// RefusalReason and, found when applying, server/mail/apply/decision-stage.ts ApplyRefusal plus
// 'deal-not-found'. Shared by the server and the settings widget (templates/ is bundled into both).

export type ReasonLang = 'ru' | 'en' | 'es';

export const REFUSAL_REASONS: Record<string, Record<ReasonLang, string>> = {
  'no-match': {
    en: 'The reply does not say which deal it is about.',
    ru: 'Из письма не понять, к какой сделке оно относится.',
    es: 'La respuesta no indica a qué negociación se refiere.',
  },
  'matched-by-subject-only': {
    en: 'Only the subject names the deal; our message id and signed reply address are missing.',
    ru: 'Сделку называет только тема письма; нашего идентификатора и подписанного адреса ответа нет.',
    es: 'Solo el asunto nombra la negociación; faltan nuestro identificador y la dirección de respuesta firmada.',
  },
  'match-conflict': {
    en: 'The reply names another deal too.',
    ru: 'В письме названа и другая сделка.',
    es: 'La respuesta también nombra otra negociación.',
  },
  'sender-not-allowed': {
    en: 'The sender is not on the bank’s list of allowed addresses.',
    ru: 'Отправителя нет в списке разрешённых адресов банка.',
    es: 'El remitente no está en la lista de direcciones permitidas del banco.',
  },
  'sender-not-authenticated': {
    en: 'The sender’s domain did not confirm the message (DMARC/DKIM): it may be forged.',
    ru: 'Домен отправителя не подтвердил письмо (DMARC/DKIM): оно может быть подделкой.',
    es: 'El dominio del remitente no confirmó el mensaje (DMARC/DKIM): puede ser falso.',
  },
  'auto-reply': {
    en: 'It is an automatic reply (out of office).',
    ru: 'Это автоответ (например, «в отпуске»).',
    es: 'Es una respuesta automática (fuera de la oficina).',
  },
  'no-decision': {
    en: 'No decision found in the reply.',
    ru: 'В письме не найдено решения.',
    es: 'No se encontró una decisión en la respuesta.',
  },
  'ambiguous-decision': {
    en: 'The reply reads as both an approval and a rejection.',
    ru: 'Письмо можно прочитать и как одобрение, и как отказ.',
    es: 'La respuesta se lee a la vez como aprobación y como rechazo.',
  },
  'decision-only-in-quote': {
    en: 'The decision is only in the quoted earlier message, not in the new text.',
    ru: 'Решение есть только в цитате прежнего письма, а не в новом тексте.',
    es: 'La decisión solo aparece en el mensaje citado, no en el texto nuevo.',
  },
  'amount-missing': {
    en: 'The approval has no amount.',
    ru: 'В одобрении не указана сумма.',
    es: 'La aprobación no indica el monto.',
  },
  'amount-ambiguous': {
    en: 'More than one amount could be the approved one.',
    ru: 'Одобренной может быть любая из нескольких сумм.',
    es: 'Más de un monto podría ser el aprobado.',
  },
  'currency-mismatch': {
    en: 'The amount is in another currency than the loan’s.',
    ru: 'Сумма в другой валюте, чем заём.',
    es: 'El monto está en otra moneda que la del préstamo.',
  },
  'amount-outside-band': {
    en: 'The amount is outside the band set for this bank (or the deal has no saved loan to compare with).',
    ru: 'Сумма вне диапазона, заданного для банка (или у сделки нет сохранённого займа для сравнения).',
    es: 'El monto está fuera del rango fijado para este banco (o la negociación no tiene préstamo guardado para comparar).',
  },
  'no-decision-stage': {
    en: 'The pipeline’s stage map has no stage for this decision.',
    ru: 'В настройке стадий воронки нет стадии для этого решения.',
    es: 'El mapa de etapas del embudo no tiene etapa para esta decisión.',
  },
  'stage-not-in-pipeline': {
    en: 'The stage mapped for this decision is not in the deal’s pipeline any more.',
    ru: 'Стадии, назначенной этому решению, больше нет в воронке сделки.',
    es: 'La etapa asignada a esta decisión ya no está en el embudo de la negociación.',
  },
  'deal-past-decision': {
    en: 'The deal is already past this decision (issued, closed, at a later stage or approved by another bank).',
    ru: 'Сделка уже дальше этого решения (выдана, закрыта, на более поздней стадии или одобрена другим банком).',
    es: 'La negociación ya pasó esta decisión (entregada, cerrada, en una etapa posterior o aprobada por otro banco).',
  },
  'deal-not-found': {
    en: 'The deal no longer exists in Bitrix24.',
    ru: 'Сделки больше нет в Битрикс24.',
    es: 'La negociación ya no existe en Bitrix24.',
  },
};

export function refusalText(code: string, lang: ReasonLang): string {
  return REFUSAL_REASONS[code]?.[lang] ?? code;
}
