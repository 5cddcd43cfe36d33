// What a deal tab (loan tab, call script) tells the user when it cannot bind a session to the deal
// the portal POSTed: no deal id at all, a deal this user cannot read (or that does not exist), or
// a portal that did not answer the check. Shown as the tab's whole page, in the portal's language.
export type DealRefusal = 'no-deal' | 'denied' | 'unverified';

type Lang = 'en' | 'ru' | 'es';

const MESSAGES: Record<DealRefusal, Record<Lang, string>> = {
  'no-deal': {
    en: 'This tab needs a deal. Open it from a deal card.',
    ru: 'Эта вкладка работает только в карточке сделки. Откройте её из сделки.',
    es: 'Esta pestaña necesita una negociación. Ábrala desde la ficha de una negociación.',
  },
  denied: {
    en: 'You do not have access to this deal, or it no longer exists. Ask your Bitrix24 administrator for access.',
    ru: 'У вас нет доступа к этой сделке, или она удалена. Запросите доступ у администратора Битрикс24.',
    es: 'No tiene acceso a esta negociación o ya no existe. Solicite acceso al administrador de su Bitrix24.',
  },
  unverified: {
    en: 'Bitrix24 did not confirm access to this deal. Reopen the tab in a moment.',
    ru: 'Битрикс24 не подтвердил доступ к этой сделке. Откройте вкладку ещё раз через минуту.',
    es: 'Bitrix24 no confirmó el acceso a esta negociación. Vuelva a abrir la pestaña en un momento.',
  },
};

/** The frame's LANG (Bitrix24 sends `la` for Latin-American Spanish) → one of our three. */
export function refusalLang(lang: string): Lang {
  const l = lang.slice(0, 2).toLowerCase();
  if (l === 'ru') return 'ru';
  if (l === 'es' || l === 'la') return 'es';
  return 'en';
}

export function dealRefusalMessage(why: DealRefusal, lang: string): string {
  return MESSAGES[why][refusalLang(lang)];
}
