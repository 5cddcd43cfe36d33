// Words of the stage-map section (components/stage-maps.tsx).
import type { StageEvent } from '../../wire/stage-maps.js';
import type { Lang } from './i18n.js';
import type { SectionProblem } from './providers-model.js';
import type { StageFieldError } from './stages-model.js';

const en = {
  title: 'Deal stages and the loan',
  intro:
    'Which stage of the pipeline gives the loan its next step, and where the loan moves the deal. A deal a person moved by hand is not moved back.',
  pipeline: 'Pipeline',
  noPipelines: 'The portal has no deal pipelines.',
  stageToLoan: 'When the deal enters the stage',
  loanToStage: 'When the loan changes, move the deal to',
  none: '— nothing —',
  'ev.OFFER_FIXED': 'Offer fixed',
  'hint.OFFER_FIXED': 'The loan’s terms are frozen',
  'ev.CONTRACT_SIGNED': 'Contract signed',
  'hint.CONTRACT_SIGNED': '',
  'ev.ISSUED': 'Issued',
  'hint.ISSUED': 'The loan becomes active from that day',
  'ev.CLOSED': 'Closed or lost',
  'hint.CLOSED': 'A loan not yet issued is cancelled',
  paidOff: 'Paid off',
  current: 'Back to current',
  overdue: 'Overdue',
  overdueDays: 'Days past due, from',
  overdueStage: 'Stage',
  addThreshold: 'Add a threshold',
  removeThreshold: 'Remove',
  payoutOnIssue: 'Pay out the loan when the deal enters the issued stage',
  clabeField: 'Deal field with the borrower’s CLABE',
  clabeHint: 'For example UF_CRM_CLABE',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  roles: 'Who becomes responsible when the deal enters the stage',
  rolesHint: 'A portal user by their ID, or a deal field of type “Employee” (e.g. the underwriter’s).',
  'role.none': 'keeps the responsible',
  'role.user': 'user with ID',
  'role.field': 'user in the deal field',
  roleUserId: 'User ID',
  roleFieldCode: 'Employee field code',
  'err.roleUser': 'A user ID: a whole number',
  'err.roleField': 'A deal field code starting with UF_CRM_',
  'err.roleNotEmployee': 'The deal has no employee field with this code',
  'err.notInPipeline': 'This stage is no longer in the pipeline. Reload the page and choose another.',
  'err.days': 'A whole number of days from 1 to 3650',
  'err.clabe': 'A deal field code starting with UF_CRM_',
  'problem.refused': 'Could not save. Try again.',
  'problem.forbidden': 'Only a portal administrator can change the stage mapping.',
  'problem.session': 'Your session has expired. Reopen the application.',
  'problem.network': 'No connection to the application. Try again.',
};

type Dict = Record<keyof typeof en, string>;

const es: Dict = {
  title: 'Etapas de la negociación y el préstamo',
  intro:
    'Qué etapa del embudo da al préstamo su siguiente paso y a qué etapa mueve el préstamo la negociación. Una negociación que alguien movió a mano no se regresa.',
  pipeline: 'Embudo',
  noPipelines: 'El portal no tiene embudos de negociaciones.',
  stageToLoan: 'Cuando la negociación entra en la etapa',
  loanToStage: 'Cuando cambia el préstamo, mover la negociación a',
  none: '— nada —',
  'ev.OFFER_FIXED': 'Oferta fijada',
  'hint.OFFER_FIXED': 'Las condiciones del préstamo se congelan',
  'ev.CONTRACT_SIGNED': 'Contrato firmado',
  'hint.CONTRACT_SIGNED': '',
  'ev.ISSUED': 'Desembolsado',
  'hint.ISSUED': 'El préstamo se activa desde ese día',
  'ev.CLOSED': 'Cerrada o perdida',
  'hint.CLOSED': 'Un préstamo aún no desembolsado se cancela',
  paidOff: 'Liquidado',
  current: 'De nuevo al corriente',
  overdue: 'Vencido',
  overdueDays: 'Días de atraso, desde',
  overdueStage: 'Etapa',
  addThreshold: 'Agregar un umbral',
  removeThreshold: 'Quitar',
  payoutOnIssue: 'Dispersar el préstamo cuando la negociación entra en la etapa de desembolso',
  clabeField: 'Campo de la negociación con la CLABE del acreditado',
  clabeHint: 'Por ejemplo UF_CRM_CLABE',
  save: 'Guardar',
  saving: 'Guardando…',
  saved: 'Guardado',
  roles: 'Quién queda como responsable cuando la negociación entra en la etapa',
  rolesHint: 'Un usuario del portal por su ID, o un campo de la negociación de tipo «Empleado» (p. ej. el del analista).',
  'role.none': 'mantiene al responsable',
  'role.user': 'usuario con ID',
  'role.field': 'usuario del campo',
  roleUserId: 'ID del usuario',
  roleFieldCode: 'Código del campo de empleado',
  'err.roleUser': 'El ID de un usuario: un número entero',
  'err.roleField': 'Un código de campo que empieza con UF_CRM_',
  'err.roleNotEmployee': 'La negociación no tiene un campo de tipo empleado con este código',
  'err.notInPipeline': 'Esta etapa ya no está en el embudo. Recargue la página y elija otra.',
  'err.days': 'Un número entero de días de 1 a 3650',
  'err.clabe': 'El código de un campo de la negociación que empieza con UF_CRM_',
  'problem.refused': 'No se pudo guardar. Inténtelo de nuevo.',
  'problem.forbidden': 'Solo un administrador del portal puede cambiar las etapas.',
  'problem.session': 'Su sesión expiró. Vuelva a abrir la aplicación.',
  'problem.network': 'Sin conexión con la aplicación. Inténtelo de nuevo.',
};

const ru: Dict = {
  title: 'Стадии сделки и заём',
  intro:
    'Какая стадия воронки даёт займу следующий шаг и на какую стадию заём переводит сделку. Сделку, которую человек передвинул вручную, приложение обратно не двигает.',
  pipeline: 'Воронка',
  noPipelines: 'На портале нет воронок сделок.',
  stageToLoan: 'Когда сделка попадает на стадию',
  loanToStage: 'Когда меняется заём, перевести сделку на',
  none: '— ничего —',
  'ev.OFFER_FIXED': 'Оферта зафиксирована',
  'hint.OFFER_FIXED': 'Условия займа замораживаются',
  'ev.CONTRACT_SIGNED': 'Договор подписан',
  'hint.CONTRACT_SIGNED': '',
  'ev.ISSUED': 'Выдан',
  'hint.ISSUED': 'Заём действует с этого дня',
  'ev.CLOSED': 'Закрыта или проиграна',
  'hint.CLOSED': 'Ещё не выданный заём отменяется',
  paidOff: 'Погашен',
  current: 'Снова без просрочки',
  overdue: 'Просрочка',
  overdueDays: 'Дней просрочки, от',
  overdueStage: 'Стадия',
  addThreshold: 'Добавить порог',
  removeThreshold: 'Убрать',
  payoutOnIssue: 'Перечислять заём, когда сделка попадает на стадию выдачи',
  clabeField: 'Поле сделки с CLABE заёмщика',
  clabeHint: 'Например, UF_CRM_CLABE',
  save: 'Сохранить',
  saving: 'Сохранение…',
  saved: 'Сохранено',
  roles: 'Кто становится ответственным, когда сделка попадает на стадию',
  rolesHint: 'Пользователь портала по его ID или поле сделки типа «Привязка к сотруднику» (например, андеррайтер).',
  'role.none': 'ответственный не меняется',
  'role.user': 'пользователь с ID',
  'role.field': 'сотрудник из поля',
  roleUserId: 'ID пользователя',
  roleFieldCode: 'Код поля сотрудника',
  'err.roleUser': 'ID пользователя — целое число',
  'err.roleField': 'Код поля сделки, начинающийся с UF_CRM_',
  'err.roleNotEmployee': 'У сделки нет поля «Привязка к сотруднику» с таким кодом',
  'err.notInPipeline': 'Этой стадии больше нет в воронке. Обновите страницу и выберите другую.',
  'err.days': 'Целое число дней от 1 до 3650',
  'err.clabe': 'Код поля сделки, начинающийся с UF_CRM_',
  'problem.refused': 'Не удалось сохранить. Попробуйте ещё раз.',
  'problem.forbidden': 'Менять стадии может только администратор портала.',
  'problem.session': 'Сессия истекла. Откройте приложение заново.',
  'problem.network': 'Нет связи с приложением. Попробуйте ещё раз.',
};

const dictionaries: Record<Lang, Dict> = { en, es, ru };

export type StagesKey = keyof typeof en;
export type StagesTranslate = (key: StagesKey) => string;

export function stagesTranslator(lang: Lang): StagesTranslate {
  const d = dictionaries[lang];
  return (key) => d[key];
}

export const eventKey = (e: StageEvent): StagesKey => `ev.${e}`;
export const eventHintKey = (e: StageEvent): StagesKey => `hint.${e}`;
export const stageErrorKey = (e: StageFieldError): StagesKey => `err.${e}`;
/** 'invalid' never reaches this section (the form is checked before it goes): it reads as a refusal. */
export const stagesProblemKey = (p: SectionProblem): StagesKey => (p === 'invalid' ? 'problem.refused' : `problem.${p}`);
