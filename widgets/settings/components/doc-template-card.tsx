// One template's card on the templates screen: its name, kind, language, the deals it is for (archived
// cards; a live one shows them with their edit among its children) and its versions.
import type { ComponentChildren } from 'preact';
import type { TemplateVersionView, TemplateView } from '../../../wire/document-templates.js';
import { kindKey, langKey, type DocTemplatesTranslate } from '../doc-templates-i18n.js';
import type { FormatDate } from '../format.js';
import { dealsLabel } from './doc-template-currencies.js';

interface CardProps {
  template: TemplateView;
  t: DocTemplatesTranslate;
  instant: FormatDate;
  /** Shown in the archived list, where the cards are not under their bank. */
  bankName?: string;
  /** Archive (with its confirmation) or Restore. */
  children: ComponentChildren;
}

export function TemplateCard({ template: tpl, t, instant, bankName, children }: CardProps) {
  return (
    <div class="st-templates__template" data-template={tpl.name} data-archived={tpl.archived ? 'yes' : 'no'}>
      <h4 class="st-h4">
        {bankName ? `${bankName} · ` : ''}
        {tpl.name} · {t(kindKey(tpl.kind))} · {t(langKey(tpl.lang))}
        {tpl.archived ? ` · ${dealsLabel(tpl.dealCurrencies, t)}` : ''}
      </h4>
      {children}
      <table class="st-table st-table--stack">
        <thead>
          <tr>
            <th>{t('col.version')}</th>
            <th>{t('col.date')}</th>
            <th>{t('col.by')}</th>
            <th>{t('col.file')}</th>
            <th>{t('col.sha')}</th>
            <th class="st-num">{t('col.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {tpl.versions.map((v) => (
            <VersionRow key={v.version} v={v} current={v.version === tpl.currentVersion} t={t} instant={instant} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionRow(props: { v: TemplateVersionView; current: boolean; t: DocTemplatesTranslate; instant: FormatDate }) {
  const { v, t } = props;
  return (
    <tr data-version={v.version}>
      <td data-label={t('col.version')}>
        {v.version}
        {props.current ? ` (${t('current')})` : ''}
      </td>
      <td data-label={t('col.date')}>{props.instant(v.uploadedAt)}</td>
      <td data-label={t('col.by')}>{v.uploadedByName ?? (v.uploadedBy === null ? '—' : t('user', { id: v.uploadedBy }))}</td>
      <td data-label={t('col.file')} class="st-templates__file">
        {v.fileName}
      </td>
      <td data-label={t('col.sha')}>
        <code title={v.sha256}>{v.sha256.slice(0, 12)}</code>
      </td>
      <td data-label={t('col.fields')} class="st-num">
        {v.placeholders.length}
      </td>
    </tr>
  );
}
