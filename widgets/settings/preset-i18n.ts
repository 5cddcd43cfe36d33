// Words of the lender-pipeline preset (components/lender-preset.tsx).
import type { Lang } from './i18n.js';
import type { SectionProblem } from './providers-model.js';

const en = {
  title: 'Lender pipeline',
  intro:
    'Creates a deal pipeline with the stages of a lender — application, verification, underwriting, approved, contract signed, issued, repaying, overdue, paid off, lost — and fills in the map below. Your other pipelines are not changed.',
  create: 'Create lender pipeline',
  complete: 'Check the lender pipeline',
  recreate: 'Create it again',
  running: 'Creating the pipeline in Bitrix24…',
  done: 'The lender pipeline is ready: its stages are chosen in the map below. Review them and save.',
  exists: 'The lender pipeline exists. Checking it again adds any of its stages that were deleted.',
  gone: 'The lender pipeline was deleted in Bitrix24.',
  failed: 'Bitrix24 did not let the app create the pipeline. Try again.',
  'failed.PRESET_STAGE_REFUSED': 'Bitrix24 refused to change a stage of the pipeline (deals may be in it). Move them out and try again.',
  'failed.PORTAL_ACCESS_DENIED': 'Bitrix24 denied access: the app needs a portal administrator’s rights on CRM settings.',
  'problem.refused': 'Could not start. Try again.',
  'problem.forbidden': 'Only a portal administrator can create pipelines.',
  'problem.session': 'Your session has expired. Reopen the application.',
  'problem.network': 'No connection to the application. Try again.',
};

type Dict = Record<keyof typeof en, string>;

const es: Dict = {
  title: 'Embudo de préstamos',
  intro:
    'Crea un embudo de negociaciones con las etapas de un prestamista — solicitud, verificación, análisis de crédito, aprobado, contrato firmado, desembolsado, en pago, vencido, liquidado, rechazado — y llena el mapa de abajo. Sus otros embudos no cambian.',
  create: 'Crear embudo de préstamos',
  complete: 'Revisar el embudo de préstamos',
  recreate: 'Crearlo de nuevo',
  running: 'Creando el embudo en Bitrix24…',
  done: 'El embudo de préstamos está listo: sus etapas ya están elegidas en el mapa de abajo. Revíselas y guarde.',
  exists: 'El embudo de préstamos ya existe. Revisarlo otra vez agrega las etapas suyas que se hayan borrado.',
  gone: 'El embudo de préstamos fue eliminado en Bitrix24.',
  failed: 'Bitrix24 no permitió crear el embudo. Intente de nuevo.',
  'failed.PRESET_STAGE_REFUSED':
    'Bitrix24 no permitió cambiar una etapa del embudo (puede tener negociaciones). Muévalas e intente de nuevo.',
  'failed.PORTAL_ACCESS_DENIED': 'Bitrix24 negó el acceso: la aplicación necesita permisos de administrador en la configuración del CRM.',
  'problem.refused': 'No se pudo iniciar. Intente de nuevo.',
  'problem.forbidden': 'Solo un administrador del portal puede crear embudos.',
  'problem.session': 'Su sesión expiró. Vuelva a abrir la aplicación.',
  'problem.network': 'Sin conexión con la aplicación. Intente de nuevo.',
};

const ru: Dict = {
  title: 'Воронка займов',
  intro:
    'Создаёт воронку сделок со стадиями кредитора — заявка, проверка, андеррайтинг, одобрено, договор подписан, выдан, погашение, просрочка, погашен, отказ — и заполняет соответствие ниже. Другие воронки не меняются.',
  create: 'Создать воронку займов',
  complete: 'Проверить воронку займов',
  recreate: 'Создать заново',
  running: 'Создаём воронку в Битрикс24…',
  done: 'Воронка займов готова: её стадии выбраны в соответствии ниже. Проверьте и сохраните.',
  exists: 'Воронка займов уже есть. Повторная проверка добавит её удалённые стадии.',
  gone: 'Воронку займов удалили в Битрикс24.',
  failed: 'Битрикс24 не дал создать воронку. Попробуйте ещё раз.',
  'failed.PRESET_STAGE_REFUSED': 'Битрикс24 не дал изменить стадию воронки (в ней могут быть сделки). Перенесите их и повторите.',
  'failed.PORTAL_ACCESS_DENIED': 'Битрикс24 отказал в доступе: приложению нужны права администратора на настройки CRM.',
  'problem.refused': 'Не удалось запустить. Попробуйте ещё раз.',
  'problem.forbidden': 'Создавать воронки может только администратор портала.',
  'problem.session': 'Сессия истекла. Откройте приложение заново.',
  'problem.network': 'Нет связи с приложением. Попробуйте ещё раз.',
};

const dictionaries: Record<Lang, Dict> = { en, es, ru };

export type PresetKey = keyof typeof en;
export type PresetTranslate = (key: PresetKey) => string;

export function presetTranslator(lang: Lang): PresetTranslate {
  const d = dictionaries[lang];
  return (key) => d[key];
}

/** A failed run's text: the code's own when there is one, else the general one. */
export function presetFailureKey(code: string | null): PresetKey {
  const key = `failed.${code ?? ''}`;
  return key in en ? (key as PresetKey) : 'failed';
}

export const presetProblemKey = (p: SectionProblem): PresetKey => (p === 'invalid' ? 'problem.refused' : `problem.${p}`);
