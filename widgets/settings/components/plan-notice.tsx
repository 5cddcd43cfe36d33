import type { Lang } from '../i18n.js';
import { planLimitText, type PlanLimit } from '../plan-limits.js';

/** The plan's limits in plain words, above the products; nothing when the plan allows everything. */
export function PlanNotice({ limits, lang }: { limits: readonly PlanLimit[]; lang: Lang }) {
  if (limits.length === 0) return null;
  const text = planLimitText(lang);
  return (
    <section class="st-note st-plan" role="status" data-testid="plan-limits">
      <strong>{text.title}</strong>
      {limits.map((l) => (
        <p key={l} data-limit={l}>
          {text[l]}
        </p>
      ))}
    </section>
  );
}
