// What the portal's Bitrix24 plan does not allow the app (server/portals/plan-limits.ts), read once
// from GET /api/v1/portal/plan-limits and told to the admin in plain words on the app page. A
// failed read shows nothing: the products screen must not depend on it.
import { signal } from '@preact/signals';
import { createSessionClient, type SessionClientConfig } from '../shared/session-client.js';
import type { Lang } from './i18n.js';

export type PlanLimit = 'smart_process' | 'smart_process_items';

const TEXT: Record<Lang, { title: string } & Record<PlanLimit, string>> = {
  en: {
    title: 'Your Bitrix24 plan limits this app',
    smart_process:
      'Your plan allows no more smart processes, so the “Payment schedule” smart process was not created. Loan schedules are kept in the app (the Loan tab of each deal), and the deal fields show the next payment, the balance and the days past due. To see installments as CRM items, upgrade the plan or free a smart process, then update or reinstall the app.',
    smart_process_items:
      'Your plan allows no new smart-process items, so installments are no longer written to the “Payment schedule” smart process. Loan schedules are kept in the app, and the deal fields show the next payment, the balance and the days past due.',
  },
  ru: {
    title: 'Тариф вашего Битрикс24 ограничивает приложение',
    smart_process:
      'Ваш тариф не позволяет создать ещё один смарт-процесс, поэтому смарт-процесс «График платежей» не создан. Графики займов хранятся в приложении (вкладка «Заём» в сделке), а в полях сделки видны следующий платёж, остаток долга и дни просрочки. Чтобы видеть платежи элементами CRM, смените тариф или освободите смарт-процесс, затем обновите или переустановите приложение.',
    smart_process_items:
      'Ваш тариф не позволяет добавлять элементы смарт-процессов, поэтому платежи больше не записываются в смарт-процесс «График платежей». Графики займов хранятся в приложении, а в полях сделки видны следующий платёж, остаток долга и дни просрочки.',
  },
  es: {
    title: 'El plan de su Bitrix24 limita esta aplicación',
    smart_process:
      'Su plan no permite más procesos inteligentes, por lo que no se creó el proceso inteligente «Calendario de pagos». Los calendarios de los préstamos se guardan en la aplicación (pestaña Préstamo de cada negociación) y los campos de la negociación muestran el próximo pago, el saldo y los días de atraso. Para ver las cuotas como elementos del CRM, cambie de plan o libere un proceso inteligente y luego actualice o reinstale la aplicación.',
    smart_process_items:
      'Su plan no permite nuevos elementos de procesos inteligentes, por lo que las cuotas ya no se escriben en el proceso inteligente «Calendario de pagos». Los calendarios se guardan en la aplicación y los campos de la negociación muestran el próximo pago, el saldo y los días de atraso.',
  },
};

export function planLimitText(lang: Lang): { title: string } & Record<PlanLimit, string> {
  return TEXT[lang];
}

export function createPlanLimits(cfg: SessionClientConfig, fetchFn?: typeof fetch) {
  const client = createSessionClient(cfg, fetchFn);
  const limits = signal<PlanLimit[]>([]);
  return {
    limits,
    async load(): Promise<void> {
      try {
        const r = await client.request<{ limits: string[] }>('GET', '/api/v1/portal/plan-limits');
        limits.value = r.limits.filter((l): l is PlanLimit => l === 'smart_process' || l === 'smart_process_items');
      } catch {
        limits.value = [];
      }
    },
  };
}

export type PlanLimitsModel = ReturnType<typeof createPlanLimits>;
