// The installed app as the portal keeps it: its installation row, the OAuth tokens and codes it was
// issued, and the inbound webhooks made for it.

export type AppStatus = 'L' | 'F' | 'D' | 'T' | 'P';

export interface AppInstallation {
  clientId: string;
  code: string;
  version: number;
  status: AppStatus;
  /** false until installFinish (apps with UI) or right after ONAPPINSTALL (apps without UI). */
  installed: boolean;
  applicationToken: string;
  scope: string[];
  handlerUrl?: string;
  installUrl?: string;
  /** The app card's "Your handler path": what the portal opens once the install is finished. */
  appUrl?: string;
  languageId: string;
  installedAt: string;
  /** Trial/paid period over: the OAuth server answers PAYMENT_REQUIRED, app.info PAYMENT_EXPIRED=Y. */
  paymentExpired?: boolean;
}

export interface AccessTokenRecord {
  userId: number;
  clientId: string;
  scope: string[];
  expiresAt: number; // unix seconds
}

export interface RefreshTokenRecord {
  userId: number;
  clientId: string;
  scope: string[];
  expiresAt: number;
}

export interface AuthCodeRecord {
  userId: number;
  clientId: string;
  state?: string;
  expiresAt: number;
}

export interface Webhook {
  id: number;
  userId: number;
  secret: string;
  scope: string[];
}
