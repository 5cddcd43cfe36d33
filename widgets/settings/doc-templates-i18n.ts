// Words of the document templates screen (components/doc-templates.tsx): ru/en/es.
import type { TemplateUpload } from '../../wire/document-templates.js';
import { fillParams, type Lang } from './i18n.js';
import type { SectionProblem } from './providers-model.js';

const en = {
  title: 'Document templates',
  intro:
    'Word (.docx) templates per bank and the internal documents. Placeholders such as {{borrower.full_name}} are checked against the published field catalog on upload; uploading again under the same bank and name adds a version.',
  internal: 'Internal documents',
  noTemplates: 'No templates yet.',
  upload: 'Upload template',
  uploading: 'Checking and uploading…',
  bank: 'Bank',
  name: 'Document name',
  nameHint: 'The same name again adds a new version',
  kind: 'Document',
  lang: 'Language of the document',
  file: 'Word file (.docx)',
  'kind.questionnaire': 'Questionnaire',
  'kind.contract': 'Contract',
  'kind.pledge': 'Pledge',
  'kind.other': 'Other',
  'lang.ru': 'Russian',
  'lang.es': 'Spanish',
  'lang.en': 'English',
  stored: 'Version {version} of “{name}” is stored.',
  sameAgain: 'This file is already version {version} of “{name}”: nothing new stored.',
  placeholders: 'Placeholders found',
  lists: 'Repeated rows',
  conditions: 'Conditions',
  checkboxes: 'Check boxes',
  none: 'none',
  refusedTitle: 'The template was not stored',
  tooLarge:
    'The file is {sizeMb} MB; at most {limitMb} MB is accepted. Compress its pictures in Word (File → Compress Pictures) and choose it again.',
  'col.version': 'Version',
  'col.date': 'Uploaded',
  'col.by': 'By',
  'col.file': 'File',
  'col.sha': 'SHA-256',
  'col.fields': 'Placeholders',
  user: 'user #{id}',
  current: 'current',
  archive: 'Archive',
  archiveConfirm: 'Archive “{name}”? New packs will no longer include it; packs already made keep their version. You can restore it later.',
  archiveYes: 'Yes, archive',
  cancel: 'Cancel',
  archivedTitle: 'Archived templates',
  archivedNote: 'Not used in new packs.',
  restore: 'Restore',
  archivedDone: '“{name}” is archived.',
  restoredDone: '“{name}” is back in new packs.',
  'err.required': 'Required',
  'err.file': 'Choose a .docx file',
  'problem.invalid': 'Could not upload: {detail}',
  'problem.refused': 'Could not upload: {detail}',
  'problem.forbidden': 'Only a portal administrator can change the document templates.',
  'problem.session': 'Your session has expired. Reopen the application.',
  'problem.network': 'No connection to the application. Try again.',
};

type Dict = Record<keyof typeof en, string>;

const es: Dict = {
  title: 'Plantillas de documentos',
  intro:
    'Plantillas de Word (.docx) por banco y los documentos internos. Al subirlas se revisan marcadores como {{borrower.full_name}} contra el catálogo de campos publicado; subir otra con el mismo banco y nombre agrega una versión.',
  internal: 'Documentos internos',
  noTemplates: 'Aún no hay plantillas.',
  upload: 'Subir plantilla',
  uploading: 'Revisando y subiendo…',
  bank: 'Banco',
  name: 'Nombre del documento',
  nameHint: 'El mismo nombre agrega una nueva versión',
  kind: 'Documento',
  lang: 'Idioma del documento',
  file: 'Archivo de Word (.docx)',
  'kind.questionnaire': 'Cuestionario',
  'kind.contract': 'Contrato',
  'kind.pledge': 'Garantía prendaria',
  'kind.other': 'Otro',
  'lang.ru': 'Ruso',
  'lang.es': 'Español',
  'lang.en': 'Inglés',
  stored: 'Se guardó la versión {version} de «{name}».',
  sameAgain: 'Este archivo ya es la versión {version} de «{name}»: no se guardó nada nuevo.',
  placeholders: 'Marcadores encontrados',
  lists: 'Filas repetidas',
  conditions: 'Condiciones',
  checkboxes: 'Casillas',
  none: 'no hay',
  refusedTitle: 'La plantilla no se guardó',
  tooLarge:
    'El archivo pesa {sizeMb} MB; se aceptan hasta {limitMb} MB. Comprima las imágenes en Word (Archivo → Comprimir imágenes) y elíjalo de nuevo.',
  'col.version': 'Versión',
  'col.date': 'Subida',
  'col.by': 'Por',
  'col.file': 'Archivo',
  'col.sha': 'SHA-256',
  'col.fields': 'Marcadores',
  user: 'usuario #{id}',
  current: 'vigente',
  archive: 'Archivar',
  archiveConfirm:
    '¿Archivar «{name}»? Los paquetes nuevos ya no la incluirán; los paquetes ya generados conservan su versión. Puede restaurarla después.',
  archiveYes: 'Sí, archivar',
  cancel: 'Cancelar',
  archivedTitle: 'Plantillas archivadas',
  archivedNote: 'No se usan en paquetes nuevos.',
  restore: 'Restaurar',
  archivedDone: '«{name}» quedó archivada.',
  restoredDone: '«{name}» vuelve a usarse en paquetes nuevos.',
  'err.required': 'Obligatorio',
  'err.file': 'Elija un archivo .docx',
  'problem.invalid': 'No se pudo subir: {detail}',
  'problem.refused': 'No se pudo subir: {detail}',
  'problem.forbidden': 'Solo un administrador del portal puede cambiar las plantillas.',
  'problem.session': 'Su sesión expiró. Vuelva a abrir la aplicación.',
  'problem.network': 'Sin conexión con la aplicación. Inténtelo de nuevo.',
};

const ru: Dict = {
  title: 'Шаблоны документов',
  intro:
    'Шаблоны Word (.docx) по банкам и внутренние документы. При загрузке метки вида {{borrower.full_name}} сверяются с опубликованным каталогом полей; загрузка под тем же банком и названием добавляет версию.',
  internal: 'Внутренние документы',
  noTemplates: 'Шаблонов пока нет.',
  upload: 'Загрузить шаблон',
  uploading: 'Проверка и загрузка…',
  bank: 'Банк',
  name: 'Название документа',
  nameHint: 'То же название добавит новую версию',
  kind: 'Документ',
  lang: 'Язык документа',
  file: 'Файл Word (.docx)',
  'kind.questionnaire': 'Анкета',
  'kind.contract': 'Договор',
  'kind.pledge': 'Залог',
  'kind.other': 'Другое',
  'lang.ru': 'Русский',
  'lang.es': 'Испанский',
  'lang.en': 'Английский',
  stored: 'Версия {version} документа «{name}» сохранена.',
  sameAgain: 'Этот файл уже сохранён как версия {version} документа «{name}»: ничего нового.',
  placeholders: 'Найденные метки',
  lists: 'Повторяющиеся строки',
  conditions: 'Условия',
  checkboxes: 'Флажки',
  none: 'нет',
  refusedTitle: 'Шаблон не сохранён',
  tooLarge:
    'Файл весит {sizeMb} МБ, допускается не больше {limitMb} МБ. Сожмите рисунки в Word (Файл → Сжать рисунки) и выберите его снова.',
  'col.version': 'Версия',
  'col.date': 'Загружен',
  'col.by': 'Кем',
  'col.file': 'Файл',
  'col.sha': 'SHA-256',
  'col.fields': 'Меток',
  user: 'пользователь #{id}',
  current: 'текущая',
  archive: 'В архив',
  archiveConfirm:
    'Отправить «{name}» в архив? Новые пакеты перестанут его включать; уже созданные пакеты сохранят свою версию. Шаблон можно вернуть.',
  archiveYes: 'Да, в архив',
  cancel: 'Отмена',
  archivedTitle: 'Шаблоны в архиве',
  archivedNote: 'Не используются в новых пакетах.',
  restore: 'Вернуть',
  archivedDone: '«{name}» в архиве.',
  restoredDone: '«{name}» снова используется в новых пакетах.',
  'err.required': 'Обязательное поле',
  'err.file': 'Выберите файл .docx',
  'problem.invalid': 'Не удалось загрузить: {detail}',
  'problem.refused': 'Не удалось загрузить: {detail}',
  'problem.forbidden': 'Менять шаблоны документов может только администратор портала.',
  'problem.session': 'Сессия истекла. Откройте приложение заново.',
  'problem.network': 'Нет связи с приложением. Попробуйте ещё раз.',
};

const dictionaries: Record<Lang, Dict> = { en, es, ru };

export type DocTemplatesKey = keyof typeof en;
export type DocTemplatesTranslate = (key: DocTemplatesKey, params?: Record<string, string | number>) => string;

export function docTemplatesTranslator(lang: Lang): DocTemplatesTranslate {
  const d = dictionaries[lang];
  return (key, params) => fillParams(d[key], params);
}

export const KINDS: readonly TemplateUpload['kind'][] = ['questionnaire', 'contract', 'pledge', 'other'];
export const LANGS: readonly TemplateUpload['lang'][] = ['ru', 'es', 'en'];
export const kindKey = (k: TemplateUpload['kind']): DocTemplatesKey => `kind.${k}`;
export const langKey = (l: TemplateUpload['lang']): DocTemplatesKey => `lang.${l}`;
export const templatesProblemKey = (p: SectionProblem): DocTemplatesKey => `problem.${p}`;
