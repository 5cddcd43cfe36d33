// Repository of the portals' mail accounts (table mail_settings). Every query names its portal; the
// two passwords are sealed with the SecretBox bound to portal and column, so a ciphertext copied to
// another portal's row or column does not open.
import type { Executor } from '../../db/executor.js';
import type { SecretBox } from '../../security/crypto.js';
import { forwardersOfJson } from './forwarders.js';
import type { MailAccounts, MailSettings } from './mail-settings.js';
import type { MailSettingsTable } from './tables.js';

type Secret = 'smtp_password' | 'imap_password';
const aadOf = (portalId: string, column: Secret) => `mail_settings:${portalId}:${column}`;

function fromRow(box: SecretBox, r: MailSettingsTable): MailSettings {
  // A password that no longer opens (altered at rest) reads as not set — the box logs where — so the
  // page shows it missing and the admin types it again; failing the read would lock them out of that page.
  const open = (column: Secret) => {
    const c = r[column];
    return c === null ? null : (box.open(c, aadOf(r.portal_id, column)) ?? null);
  };
  return {
    portalId: r.portal_id,
    smtp: {
      host: r.smtp_host,
      port: Number(r.smtp_port),
      security: r.smtp_security,
      user: r.smtp_user,
      password: open('smtp_password'),
      fromAddress: r.from_address,
      fromName: r.from_name,
    },
    imap: {
      host: r.imap_host,
      port: Number(r.imap_port),
      security: r.imap_security,
      user: r.imap_user,
      password: open('imap_password'),
      folder: r.imap_folder,
    },
    replyScheme: r.reply_scheme,
    replyAddress: r.reply_address,
    forwarders: forwardersOfJson(r.forwarders),
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

export async function getMailSettings(db: Executor, box: SecretBox, portalId: string): Promise<MailSettings | undefined> {
  const r = await db.selectFrom('mail_settings').selectAll().where('portal_id', '=', portalId).executeTakeFirst();
  return r ? fromRow(box, r) : undefined;
}

/** Upserts the portal's accounts (already checked: mail-settings.ts `checkAccounts`) and bumps the version. */
export async function saveMailSettings(
  db: Executor,
  box: SecretBox,
  portalId: string,
  a: MailAccounts,
  by: { userId: number | null; nowIso: string },
): Promise<MailSettings> {
  const seal = (plain: string | null, column: Secret) => (plain === null ? null : box.encrypt(plain, aadOf(portalId, column)));
  const row = {
    smtp_host: a.smtp.host,
    smtp_port: a.smtp.port,
    smtp_security: a.smtp.security,
    smtp_user: a.smtp.user,
    smtp_password: seal(a.smtp.password, 'smtp_password'),
    from_address: a.smtp.fromAddress,
    from_name: a.smtp.fromName,
    imap_host: a.imap.host,
    imap_port: a.imap.port,
    imap_security: a.imap.security,
    imap_user: a.imap.user,
    imap_password: seal(a.imap.password, 'imap_password'),
    imap_folder: a.imap.folder,
    reply_scheme: a.replyScheme,
    reply_address: a.replyAddress,
    forwarders: JSON.stringify(a.forwarders),
    updated_by: by.userId,
    updated_at: by.nowIso,
  };
  await db
    .insertInto('mail_settings')
    .values({ portal_id: portalId, version: 1, ...row })
    .onConflict((oc) => oc.column('portal_id').doUpdateSet((eb) => ({ ...row, version: eb('mail_settings.version', '+', 1) })))
    .execute();
  return (await getMailSettings(db, box, portalId))!;
}

/**
 * The version of every active portal's mail settings that has an IMAP password: what the mailbox
 * readers run for (a portal without a password, or uninstalled, has nothing to read).
 */
export async function readableMailboxes(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('portals')
    .innerJoin('mail_settings', 'mail_settings.portal_id', 'portals.id')
    .select(['mail_settings.portal_id as portalId', 'mail_settings.version as version'])
    .where('portals.status', '=', 'active')
    .where('mail_settings.imap_password', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.portalId, Number(r.version)]));
}

/** Uninstall: the passwords go with the portal's tokens; the rest stays for a reinstall. */
export async function wipeMailPasswords(db: Executor, portalId: string): Promise<void> {
  await db
    .updateTable('mail_settings')
    .set((eb) => ({ smtp_password: null, imap_password: null, version: eb('version', '+', 1) }))
    .where('portal_id', '=', portalId)
    .execute();
}
