// An upload checked against a published catalog version (the latest unless named) before anything is
// stored: the linter's report, or TEMPLATE_* errors in the admin's language. Shared by the lint-only
// route and the template upload.
import type { Executor } from '../../db/executor.js';
import { AppError, type UserLanguage } from '../../errors.js';
import { toFillerFields } from '../catalog/catalog-field.js';
import { getVersion, listVersions } from '../catalog/catalog-repo.js';
import { checkTemplate, type LintReport } from '../docx/index.js';

export async function lintUpload(
  db: Executor,
  portalId: string,
  bytes: Uint8Array,
  lang: UserLanguage,
  catalogVersion?: number,
): Promise<{ catalogVersion: number; report: LintReport }> {
  const version = catalogVersion ?? (await listVersions(db, portalId)).at(-1)?.version;
  const fields = version === undefined ? null : await getVersion(db, portalId, version);
  if (version === undefined || !fields) throw new AppError('NOT_FOUND', 'no catalog version', { key: 'CATALOG_NOT_PUBLISHED' });
  return { catalogVersion: version, report: checkTemplate(bytes, toFillerFields(fields), lang) };
}
