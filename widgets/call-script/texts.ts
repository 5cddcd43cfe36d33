// The tab's own words in the user's language (the script's texts come from the server in theirs).
export interface CallScriptTexts {
  call: string;
  finish: string;
  none: string;
  noneHint: string;
  done: string;
}

const TEXT: Readonly<Record<'en' | 'es' | 'ru', CallScriptTexts>> = {
  en: {
    call: 'Call',
    finish: 'Finish',
    none: 'No call script is running for this deal.',
    noneHint: 'A script appears here when the “Call with script” robot starts on this deal.',
    done: 'Call finished. The deal was updated.',
  },
  es: {
    call: 'Llamar',
    finish: 'Terminar',
    none: 'No hay ningún guion de llamada en curso para esta negociación.',
    noneHint: 'El guion aparece aquí cuando el robot «Llamada con guion» se ejecuta en esta negociación.',
    done: 'Llamada terminada. La negociación fue actualizada.',
  },
  ru: {
    call: 'Позвонить',
    finish: 'Завершить',
    none: 'По этой сделке сейчас нет скрипта звонка.',
    noneHint: 'Скрипт появится здесь, когда по сделке запустится робот «Звонок по скрипту».',
    done: 'Звонок завершён. Сделка обновлена.',
  },
};

/** "es-MX", "es", "ru" … → the texts of that language, English otherwise. */
export function textsFor(lang: string): CallScriptTexts {
  const code = lang.slice(0, 2).toLowerCase();
  if (code === 'la') return TEXT.es; // Bitrix24's Latin-American Spanish
  return code === 'es' || code === 'ru' ? TEXT[code] : TEXT.en;
}
