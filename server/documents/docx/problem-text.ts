// One template problem in the admin's words, next to what caused it (the placeholder as written).
import type { UserLanguage } from '../../errors.js';
import type { TemplateProblem, TemplateProblemKind, TemplateProblemNote } from './template-problem.js';

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

const NOTES: Record<TemplateProblemNote, Record<UserLanguage, string>> = {
  'mail-merge': {
    en: 'a Word mail-merge field is not supported: write {{code}} instead',
    ru: 'поле слияния Word не поддерживается: пишите {{код}}',
    es: 'un campo de combinación de Word no se admite: escriba {{código}}',
  },
  'field-code': {
    en: 'a placeholder inside a Word field code is not supported',
    ru: 'метка внутри кода поля Word не поддерживается',
    es: 'un marcador dentro de un código de campo de Word no se admite',
  },
  'tracked-deletion': {
    en: 'a placeholder in a tracked deletion: accept or reject all changes first',
    ru: 'метка в удалённом исправлении: сначала примите или отклоните все исправления',
    es: 'un marcador en un cambio eliminado: primero acepte o rechace todos los cambios',
  },
  'in-comments': {
    en: 'placeholders in comments are not supported',
    ru: 'метки в примечаниях не поддерживаются',
    es: 'los marcadores en comentarios no se admiten',
  },
  'alt-chunk': {
    en: 'embedded content in another format is not supported',
    ru: 'вложенное содержимое другого формата не поддерживается',
    es: 'el contenido incrustado en otro formato no se admite',
  },
  'checkbox-no-tag': {
    en: 'a check box without a tag: set its Tag in Word (Properties)',
    ru: 'флажок без тега: задайте тег в Word (Свойства)',
    es: 'casilla sin etiqueta: asígnele una etiqueta en Word (Propiedades)',
  },
  'formcheckbox-no-name': {
    en: 'a legacy check box without a name: name it in Word (Options)',
    ru: 'флажок старого образца без имени: задайте имя в Word (Параметры)',
    es: 'casilla heredada sin nombre: asígnele un nombre en Word (Opciones)',
  },
};

const DID_YOU_MEAN: Record<UserLanguage, string> = { en: 'did you mean', ru: 'возможно, имелось в виду', es: '¿quiso decir' };

export function problemText(p: TemplateProblem, lang: UserLanguage): string {
  const hint = p.suggestion ? ` (${DID_YOU_MEAN[lang]} ${p.suggestion}${lang === 'es' ? '?' : ''})` : '';
  const what = p.note ? NOTES[p.note][lang] : TEXTS[p.kind][lang];
  return p.text ? `${p.text} — ${what}${hint}` : `${what}${hint}`;
}
