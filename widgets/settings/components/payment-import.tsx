import type { FormatDate, FormatDecimal } from '../format.js';
import { issueText, methodName, type ImportTranslate } from '../import-i18n.js';
import type { Lang } from '../i18n.js';
import type { ImportLine, LineIssue } from '../import-api.js';
import type { ImportModel, ImportSettings } from '../import-model.js';
import { LOCALE_OF } from '../../shared/locale.js';
import { Field } from './field.js';
import { ImportHistory } from './import-history.js';

interface Props {
  model: ImportModel;
  t: ImportTranslate;
  fmt: FormatDecimal;
  /** Days and instants in the user's locale (es-MX: 15/03/2026). */
  dates: { day: FormatDate; instant: FormatDate };
  lang: Lang;
}

/** Upload an agent's file, say which columns hold what, preview, then import (admins only). */
export function PaymentImport({ model, t, fmt, dates, lang }: Props) {
  const s = model.settings.value;
  const st = model.state.value;
  const working = st.kind === 'working';
  const text = (key: 'dealId' | 'date' | 'amount' | 'reference', label: string) => (
    <Field label={label}>
      <input class="st-input" name={`col-${key}`} maxLength={100} value={s[key]} onInput={(e) => model.set(key, e.currentTarget.value)} />
    </Field>
  );
  return (
    <section class="st-card" data-testid="payment-import">
      <h3 class="st-h3">{t('importTitle')}</h3>
      <p class="st-muted">{t('importIntro')}</p>
      <div class="st-grid">
        <Field label={t('importFile')} wide>
          <input
            class="st-input"
            type="file"
            name="paymentFile"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void f.arrayBuffer().then((b) => model.setFile(f.name, new Uint8Array(b)));
            }}
          />
        </Field>
        {text('dealId', t('colDeal'))}
        {text('date', t('colDate'))}
        {text('amount', t('colAmount'))}
        {text('reference', t('colReference'))}
        <Field label={t('dateOrder')}>
          <select
            class="st-input"
            name="dateOrder"
            value={s.dateOrder}
            onChange={(e) => model.set('dateOrder', e.currentTarget.value as ImportSettings['dateOrder'])}
          >
            <option value="dmy">{t('dateOrder.dmy')}</option>
            <option value="mdy">{t('dateOrder.mdy')}</option>
            <option value="iso">{t('dateOrder.iso')}</option>
          </select>
        </Field>
        <Field label={t('decimalSeparator')}>
          <select
            class="st-input"
            name="decimalSeparator"
            value={s.decimalSeparator}
            onChange={(e) => model.set('decimalSeparator', e.currentTarget.value as ImportSettings['decimalSeparator'])}
          >
            <option value=",">{t('decimal.,')}</option>
            <option value=".">{t('decimal..')}</option>
          </select>
        </Field>
      </div>
      <div class="st-actions">
        <button
          type="button"
          class="st-button st-button--light"
          name="preview"
          disabled={!model.file.value || working}
          onClick={() => void model.preview()}
        >
          {working && st.dryRun ? t('previewing') : t('preview')}
        </button>
        <button
          type="button"
          class="st-button"
          name="import"
          disabled={!model.canImport.value || working}
          onClick={() => void model.apply()}
        >
          {working && !st.dryRun ? t('importing') : t('importNow')}
        </button>
      </div>
      <ImportOutcome model={model} t={t} fmt={fmt} dates={dates} lang={lang} />
      <ImportHistory records={model.history.value} t={t} fmt={fmt} dates={dates} />
    </section>
  );
}

function ImportOutcome({ model, t, fmt, dates, lang }: Props) {
  const st = model.state.value;
  if (st.kind === 'working')
    return (
      <p class="st-muted st-progress" role="status" aria-live="polite" data-testid="import-progress" data-phase={st.phase}>
        <progress />
        <span>{t(`progress.${st.phase}`)}</span>
      </p>
    );
  if (st.kind === 'refused') return <IssueTable issues={st.issues} message={st.message} t={t} lang={lang} />;
  if (st.kind === 'failed')
    return (
      <p class="st-error" role="alert" data-testid="import-failed" data-code={st.code}>
        {`${t('importFailed')}: ${issueText(lang, st.code, st.message)}`}
      </p>
    );
  if (st.kind !== 'preview' && st.kind !== 'done') return null;
  const { summary, lines } = st.result;
  const fmtCount = (n: number) => new Intl.NumberFormat(LOCALE_OF[lang]).format(n);
  const vars = { rows: summary.rows, new: summary.new, already: summary.alreadyImported };
  return (
    <>
      <p class={st.kind === 'done' ? 'st-ok' : 'st-muted'} role="status" data-testid="import-summary">
        {t(st.kind === 'done' ? 'summaryDone' : 'summaryPreview', vars)}
        {st.kind === 'preview' && summary.new === 0 ? ` ${t('nothingNew')}` : ''}
        {Object.entries(summary.newTotals ?? {}).map(([currency, sum]) => ` ${t('newTotal')}: ${fmt(sum)} ${currency}.`)}
      </p>
      <LineTable lines={lines} t={t} fmt={fmt} day={dates.day} />
      {lines.length < st.result.lineCount ? (
        <button
          type="button"
          class="st-button st-button--light st-more"
          data-testid="import-more-lines"
          disabled={model.loadingLines.value}
          onClick={() => void model.moreLines()}
        >
          {model.loadingLines.value
            ? t('loadingLines')
            : t('moreLines', {
                more: fmtCount(Math.min(100, st.result.lineCount - lines.length)),
                shown: fmtCount(lines.length),
                total: fmtCount(st.result.lineCount),
              })}
        </button>
      ) : null}
    </>
  );
}

function LineTable({ lines, t, fmt, day }: { lines: ImportLine[]; t: ImportTranslate; fmt: FormatDecimal; day: FormatDate }) {
  return (
    <div class="st-scroll">
      <table class="st-table" data-testid="import-lines">
        <thead>
          <tr>
            <th>{t('line')}</th>
            <th>{t('deal')}</th>
            <th>{t('date')}</th>
            <th class="st-num">{t('amountCol')}</th>
            <th>{t('reference')}</th>
            <th>{t('method')}</th>
            <th>{t('lineStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.line} data-status={l.status}>
              <td>{l.line}</td>
              <td>{l.dealId}</td>
              <td>{day(l.date)}</td>
              <td class="st-num">{fmt(l.amount)}</td>
              <td>{l.reference ?? ''}</td>
              <td>{methodName(t, l.method)}</td>
              <td>{t(`status.${l.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IssueTable({ issues, message, t, lang }: { issues: LineIssue[]; message: string; t: ImportTranslate; lang: Lang }) {
  return (
    <div role="alert" data-testid="import-refused">
      <p class="st-error">{issues.length > 0 ? t('refused') : message}</p>
      {issues.length > 0 ? (
        <table class="st-table">
          <thead>
            <tr>
              <th>{t('line')}</th>
              <th>{t('column')}</th>
              <th>{t('problem')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i, k) => (
              <tr key={k}>
                <td>{i.line || ''}</td>
                <td>{i.column ?? ''}</td>
                <td title={i.code}>{issueText(lang, i.code, i.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
