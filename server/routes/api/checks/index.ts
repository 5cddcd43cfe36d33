import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readBlacklistFile } from '../../../checks/blacklist-file.js';
import { checkApplicant } from '../../../checks/check-applicant.js';
import {
  addBlacklistEntries,
  countBlacklist,
  getCheckSettings,
  removeBlacklistEntry,
  saveCheckSettings,
} from '../../../checks/check-repo.js';
import { configProblem } from '../../../checks/http-check.js';
import { normalizeValue } from '../../../checks/normalize.js';
import { AppError } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';
import {
  BlacklistEntryBody,
  BlacklistFileQuery,
  BlacklistImportReply,
  CheckResultReply,
  CheckSettingsBody,
  CheckSettingsReply,
  ErrorReply,
  TryBody,
} from '../../../../wire/checks.js';

// The "Check the applicant" settings of the caller's portal (server/checks/): portal administrators
// only. The blacklist is imported as a file (bytes, like payment files) and never listed back in
// bulk — it is personal data; an admin sees the counts, removes one entry by its value, and tries a
// phone or document to see what the robot would answer. The bureau's auth header is write-only.

export interface CheckRoutesOptions {
  /** CHECKS_ALLOW_LOCAL_URLS: http:// and local addresses for the demo and tests. */
  allowLocalUrls: boolean;
}

/** A blacklist file is a list of phones and passports: far below a payment file's limit. */
const MAX_BLACKLIST_BYTES = 2 * 1024 * 1024;

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 413: ErrorReply, 415: ErrorReply, 422: ErrorReply };

export const checkRoutes: FastifyPluginAsync<CheckRoutesOptions> = async (fastify, opts) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;
  const admin = requireSession({ admin: true });
  const now = () => new Date();

  async function reply(portalId: string) {
    const s = await getCheckSettings(db(), app.secrets, portalId);
    let http = null;
    if (s.http) {
      const { authHeader: _secret, ...shown } = s.http; // write-only: never sent back
      http = shown;
    }
    return {
      country: s.country,
      http,
      authHeader: s.authUnreadable ? ('unreadable' as const) : s.http?.authHeader ? ('set' as const) : ('not set' as const),
      blacklist: await countBlacklist(db(), portalId),
    };
  }

  app.get('/api/v1/checks/settings', { preHandler: admin, schema: { response: { 200: CheckSettingsReply, ...errors } } }, async (req) =>
    reply(req.session!.portalId),
  );

  app.put(
    '/api/v1/checks/settings',
    { preHandler: admin, schema: { body: CheckSettingsBody, response: { 200: CheckSettingsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const stored = await getCheckSettings(db(), app.secrets, s.portalId);
      const authHeader = req.body.authHeader === undefined ? (stored.http?.authHeader ?? null) : req.body.authHeader?.trim() || null;
      const http = req.body.http ? { ...req.body.http, authHeader } : null;
      const problem = http ? configProblem(http, opts.allowLocalUrls) : null;
      if (problem)
        throw new AppError('VALIDATION', `check setting ${problem.field}: ${problem.message}`, problem.message, {
          field: problem.field,
          problem: problem.message,
        });
      await saveCheckSettings(db(), app.secrets, s.portalId, { country: req.body.country, http }, { userId: s.userId, now: now() });
      req.log.info({ portalId: s.portalId, http: http !== null }, 'applicant check settings saved');
      return reply(s.portalId);
    },
  );

  app.register(async (binary) => {
    binary.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_BLACKLIST_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    binary.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/v1/checks/blacklist/file',
      {
        onRequest: admin,
        bodyLimit: MAX_BLACKLIST_BYTES,
        schema: { querystring: BlacklistFileQuery, response: { 200: BlacklistImportReply, ...errors } },
      },
      async (req) => {
        const s = req.session!;
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw new AppError('VALIDATION', 'empty blacklist body', { key: 'FILE_AS_OCTET_STREAM' }, { field: 'body' });
        const { country } = await getCheckSettings(db(), app.secrets, s.portalId);
        const read = readBlacklistFile(req.body, country);
        if (!read.ok && 'headerMissing' in read)
          throw new AppError(
            'BLACKLIST_REFUSED',
            'no phone or document column',
            { key: 'BLACKLIST_NO_COLUMN' },
            {
              headerMissing: true,
              issues: [],
            },
          );
        if (!read.ok)
          throw new AppError(
            'BLACKLIST_REFUSED',
            `${read.issues.length} unreadable lines`,
            { key: 'BLACKLIST_LINES_UNREADABLE' },
            {
              issues: read.issues.slice(0, 200),
              issueCount: read.issues.length,
            },
          );
        const r = await addBlacklistEntries(db(), app.secrets, s.portalId, read.entries, { userId: s.userId, now: now() });
        // Counts only: the values are personal data and never reach the log.
        req.log.info({ portalId: s.portalId, added: r.added, already: r.already }, 'blacklist imported');
        return { ...r, blacklist: await countBlacklist(db(), s.portalId) };
      },
    );
  });

  app.delete(
    '/api/v1/checks/blacklist',
    { preHandler: admin, schema: { body: BlacklistEntryBody, response: { 200: CheckSettingsReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const { country } = await getCheckSettings(db(), app.secrets, s.portalId);
      const value = normalizeValue(req.body.kind, req.body.value, country);
      if (value === null)
        throw new AppError(
          'VALIDATION',
          `unreadable ${req.body.kind}`,
          { key: req.body.kind === 'phone' ? 'BLACKLIST_NOT_PHONE' : 'BLACKLIST_NOT_DOCUMENT' },
          { field: 'value' },
        );
      if (!(await removeBlacklistEntry(db(), app.secrets, s.portalId, req.body.kind, value)))
        throw new AppError('NOT_FOUND', 'not on the blacklist', { key: 'BLACKLIST_VALUE_ABSENT' }, { field: 'value' });
      return reply(s.portalId);
    },
  );

  app.post(
    '/api/v1/checks/try',
    { preHandler: admin, schema: { body: TryBody, response: { 200: CheckResultReply, ...errors } } },
    async (req) => {
      const s = req.session!;
      const { phone, document } = req.body;
      if (!phone?.trim() && !document?.trim())
        throw new AppError('VALIDATION', 'nothing to check', { key: 'BLACKLIST_TYPE_VALUE' }, { field: 'phone' });
      return checkApplicant({ db: db(), box: app.secrets, allowLocalUrls: opts.allowLocalUrls }, s.portalId, {
        phone: phone?.trim() || null,
        document: document?.trim() || null,
        dealId: 0,
      });
    },
  );
};
