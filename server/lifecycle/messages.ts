// What the app writes on a deal's timeline when a stage cannot do what it maps to: the move has
// already happened in the portal, so the people on the deal read why the loan did not follow.

export type Lang = 'ru' | 'en' | 'es';

const TEXT: Record<string, Record<Lang, (stage: string) => string>> = {
  issuedNotCancelled: {
    en: (s) =>
      `The loan of this deal was already issued: moving the deal to "${s}" does not cancel it. Record its repayment or its write-off in the Loan tab.`,
    ru: (s) =>
      `Заём по этой сделке уже выдан: перенос сделки в стадию «${s}» его не отменяет. Отразите погашение или списание на вкладке «Заём».`,
    es: (s) =>
      `El préstamo de esta negociación ya fue entregado: mover la negociación a «${s}» no lo cancela. Registre su pago o su castigo en la pestaña Préstamo.`,
  },
  noLoanToIssue: {
    en: (s) => `The deal entered "${s}" but has no saved loan: nothing was issued. Save the loan in the Loan tab and move the deal again.`,
    ru: (s) =>
      `Сделка перешла в стадию «${s}», но заём по ней не сохранён: выдачи не было. Сохраните заём на вкладке «Заём» и перенесите сделку снова.`,
    es: (s) =>
      `La negociación pasó a «${s}» sin un préstamo guardado: no se entregó nada. Guarde el préstamo en la pestaña Préstamo y mueva la negociación otra vez.`,
  },
  payoutRefused: {
    en: (s) =>
      `The deal entered "${s}" and the loan is issued, but its payout could not be queued (check the CLABE on the deal and the payout provider). Pay it out with the payout robot or by hand.`,
    ru: (s) =>
      `Сделка перешла в стадию «${s}», заём выдан, но выплату поставить в очередь не удалось (проверьте реквизиты на сделке и платёжного провайдера). Выплатите роботом выплаты или вручную.`,
    es: (s) =>
      `La negociación pasó a «${s}» y el préstamo quedó entregado, pero su depósito no se pudo programar (revise la CLABE de la negociación y el proveedor de pagos). Deposítelo con el robot de depósito o a mano.`,
  },
  issueRefused: {
    en: (s) => `The deal entered "${s}" but the loan could not start on that date. Check the loan's dates in the Loan tab.`,
    ru: (s) => `Сделка перешла в стадию «${s}», но заём не может начаться с этой даты. Проверьте даты займа на вкладке «Заём».`,
    es: (s) => `La negociación pasó a «${s}» pero el préstamo no puede empezar en esa fecha. Revise las fechas en la pestaña Préstamo.`,
  },
};

export type LifecycleMessage = keyof typeof TEXT;

export function lifecycleMessage(key: LifecycleMessage, lang: Lang | undefined, stageName: string): string {
  return TEXT[key]![lang ?? 'en'](stageName);
}
