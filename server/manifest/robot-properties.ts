import type { LangText } from './manifest.js';

// Robot/activity PROPERTIES as bizproc.robot.add / bizproc.activity.add take them (doc:
// api-reference/bizproc/bizproc-robot/bizproc-robot-add.md, bizproc-activity-add.md): a property's
// Name may be a map of localized strings, but a select's Options are documented as value → title
// strings only. The manifest writes each title as a LangText; the portal gets the one in its
// language (as install does for placement titles), and a reinstall in another language updates it.

type Props = Record<string, unknown>;

const isLangText = (v: unknown): v is LangText =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

const pick = (t: LangText, lang: string) => t[lang] ?? t.en ?? Object.values(t)[0] ?? '';

export function localizedProperties(props: Props | undefined, lang: string): Props {
  const out: Props = {};
  for (const [code, prop] of Object.entries(props ?? {})) {
    const p = prop as Props;
    const options = p.Options;
    if (typeof options !== 'object' || options === null) {
      out[code] = prop;
      continue;
    }
    const labels = Object.entries(options as Props).map(([value, label]): [string, unknown] => [
      value,
      isLangText(label) ? pick(label, lang) : label,
    ]);
    out[code] = { ...p, Options: Object.fromEntries(labels) };
  }
  return out;
}
