// What the client is told when a bank's decision on their application is applied (issue 16 item 5):
// one SMS and one e-mail, in the client's language, with the bank's name and — for an approval or a
// counter-offer — the amount, already formatted for that language (server/mail/apply/client-notice.ts).
// A rejection is not sent to the client: a broker's application goes to several banks, and one
// bank's "no" is the manager's news to give (it is on the deal's timeline).

export type NoticeLang = 'ru' | 'en' | 'es';

export interface NoticeVars {
  clientName: string;
  bankName: string;
  amount: string;
  companyName: string;
}

export interface NoticeText {
  sms: string;
  subject: string;
  body: string;
}

type Kind = 'approved' | 'counter-offer';

const sign = (v: NoticeVars) => (v.companyName ? `\n\n${v.companyName}` : '');
const hello = { ru: 'Здравствуйте', en: 'Hello', es: 'Hola' } as const;
const greet = (lang: NoticeLang, v: NoticeVars) => (v.clientName ? `${hello[lang]}, ${v.clientName}!` : `${hello[lang]}!`);

export const BANK_DECISION: Record<NoticeLang, Record<Kind, (v: NoticeVars) => NoticeText>> = {
  ru: {
    approved: (v) => ({
      sms: `${v.bankName} одобрил ваш кредит на ${v.amount}. Мы свяжемся с вами. ${v.companyName}`.trim(),
      subject: `Кредит одобрен: ${v.amount}`,
      body: `${greet('ru', v)}\n\n${v.bankName} одобрил вашу заявку на кредит на сумму ${v.amount}. Менеджер свяжется с вами, чтобы договориться о подписании.${sign(v)}`,
    }),
    'counter-offer': (v) => ({
      sms: `${v.bankName} готов выдать кредит на ${v.amount} на своих условиях. Мы свяжемся с вами. ${v.companyName}`.trim(),
      subject: `Предложение банка: ${v.amount}`,
      body: `${greet('ru', v)}\n\n${v.bankName} рассмотрел вашу заявку и предлагает кредит на сумму ${v.amount} на своих условиях. Менеджер свяжется с вами и расскажет подробности.${sign(v)}`,
    }),
  },
  en: {
    approved: (v) => ({
      sms: `${v.bankName} approved your loan of ${v.amount}. We will call you. ${v.companyName}`.trim(),
      subject: `Loan approved: ${v.amount}`,
      body: `${greet('en', v)}\n\n${v.bankName} approved your loan application for ${v.amount}. Your manager will contact you to arrange the signing.${sign(v)}`,
    }),
    'counter-offer': (v) => ({
      sms: `${v.bankName} offers you a loan of ${v.amount} on its own terms. We will call you. ${v.companyName}`.trim(),
      subject: `The bank's offer: ${v.amount}`,
      body: `${greet('en', v)}\n\n${v.bankName} reviewed your application and offers a loan of ${v.amount} on its own terms. Your manager will contact you with the details.${sign(v)}`,
    }),
  },
  es: {
    approved: (v) => ({
      sms: `${v.bankName} aprobó su crédito por ${v.amount}. Le llamaremos. ${v.companyName}`.trim(),
      subject: `Crédito aprobado: ${v.amount}`,
      body: `${greet('es', v)}\n\n${v.bankName} aprobó su solicitud de crédito por ${v.amount}. Su asesor le contactará para acordar la firma.${sign(v)}`,
    }),
    'counter-offer': (v) => ({
      sms: `${v.bankName} le ofrece un crédito por ${v.amount} con sus condiciones. Le llamaremos. ${v.companyName}`.trim(),
      subject: `Oferta del banco: ${v.amount}`,
      body: `${greet('es', v)}\n\n${v.bankName} revisó su solicitud y le ofrece un crédito por ${v.amount} con sus condiciones. Su asesor le contactará con los detalles.${sign(v)}`,
    }),
  },
};
