// One template problem in the admin's words, next to what caused it (the placeholder as written).
import type { UserLanguage } from '../../errors.js';
import type { TemplateProblem, TemplateProblemKind } from './fill-tree.js';

const TEXTS: Record<TemplateProblemKind, Record<UserLanguage, string>> = {
  'unknown-code': { en: 'unknown field', ru: 'неизвестное поле', es: 'campo desconocido' },
  'bad-placeholder': { en: 'not a valid placeholder', ru: 'неверная метка', es: 'marcador no válido' },
  'bad-format': { en: 'this format does not apply to the field', ru: 'формат не подходит полю', es: 'el formato no aplica al campo' },
  'not-a-list': { en: 'the field is not a list', ru: 'поле не является списком', es: 'el campo no es una lista' },
  'list-as-value': {
    en: 'a list goes in {{#each}} … {{/each}}',
    ru: 'список вставляется через {{#each}} … {{/each}}',
    es: 'una lista va en {{#each}} … {{/each}}',
  },
  'unclosed-block': { en: 'opened and never closed', ru: 'открыт и не закрыт', es: 'se abre y no se cierra' },
  'stray-close': { en: 'closes nothing', ru: 'закрывает несуществующий блок', es: 'no cierra ningún bloque' },
  'mismatched-close': { en: 'closed by the wrong tag', ru: 'закрыт не той меткой', es: 'cerrado con la etiqueta equivocada' },
  'inline-each': {
    en: '{{#each}} must wrap table rows or whole paragraphs',
    ru: '{{#each}} должен охватывать строки таблицы или целые абзацы',
    es: '{{#each}} debe abarcar filas de tabla o párrafos completos',
  },
  'bad-checkbox': { en: 'check box with an unknown name', ru: 'флажок с неизвестным именем', es: 'casilla con nombre desconocido' },
  unsupported: { en: 'not supported', ru: 'не поддерживается', es: 'no se admite' },
};

const DID_YOU_MEAN: Record<UserLanguage, string> = { en: 'did you mean', ru: 'возможно, имелось в виду', es: '¿quiso decir' };

export function problemText(p: TemplateProblem, lang: UserLanguage): string {
  const hint = p.suggestion ? ` (${DID_YOU_MEAN[lang]} ${p.suggestion}${lang === 'es' ? '?' : ''})` : '';
  return `${p.text} — ${TEXTS[p.kind][lang]}${hint}`;
}
