import type { FormatDate, FormatDecimal } from '../format.js';
import type { ImportRecord } from '../import-api.js';
import type { ImportTranslate } from '../import-i18n.js';

interface Props {
  /** Newest first; null while loading (nothing is shown then). */
  records: ImportRecord[] | null;
  t: ImportTranslate;
  fmt: FormatDecimal;
  dates: { instant: FormatDate };
}

/** The portal's past imports (GET /api/v1/payment-imports): what came in, when, and what became of it. */
export function ImportHistory({ records, t, fmt, dates }: Props) {
  if (records === null) return null;
  return (
    <div class="st-history" data-testid="import-history">
      <h4 class="st-h4">{t('historyTitle')}</h4>
      {records.length === 0 ? (
        <p class="st-muted">{t('historyEmpty')}</p>
      ) : (
        <div class="st-scroll">
          <table class="st-table">
            <thead>
              <tr>
                <th>{t('when')}</th>
                <th>{t('fileCol')}</th>
                <th>{t('kind')}</th>
                <th>{t('lineStatus')}</th>
                <th class="st-num">{t('rowsCol')}</th>
                <th class="st-num">{t('newCol')}</th>
                <th class="st-num">{t('alreadyCol')}</th>
                <th class="st-num">{t('issuesCol')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id} data-import-id={r.id} data-status={r.status}>
                  <td>{dates.instant(r.createdAt)}</td>
                  <td>{r.fileName}</td>
                  <td>{r.dryRun === null ? '' : t(r.dryRun ? 'kind.preview' : 'kind.import')}</td>
                  <td>{t(`importStatus.${r.status}`)}</td>
                  <td class="st-num">{fmt(String(r.rows))}</td>
                  <td class="st-num">{fmt(String(r.newCount))}</td>
                  <td class="st-num">{fmt(String(r.alreadyCount))}</td>
                  <td class="st-num">{fmt(String(r.issueCount))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
