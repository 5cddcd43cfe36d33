import type { B24OAuth } from '@bitrix24/b24jssdk';

type Axios = ReturnType<B24OAuth['getHttpClient']>['ajaxClient'];

/**
 * Which access token the portal refused. The SDK asks for a refresh after any 401; spending the
 * refresh token is right only when the portal refused the token we hold now. A 401 for a token we
 * already replaced (a request sent before our refresh and answered after it, however late: a slow
 * portal, a loaded process) is answered with the current token. The token a request carried is read
 * from the body's `auth`, where the SDK puts it (b24jssdk abstract-http `_prepareParams`).
 */
export class TokenRefusals {
  private readonly sent = new WeakMap<object, string>();
  private refusedHeld = false;

  constructor(private held: string) {}

  /** Notes the token each request of this axios instance leaves with. */
  watch(axios: Axios): void {
    axios.interceptors.request.use((config) => {
      const token = (config.data as { auth?: unknown } | undefined)?.auth;
      if (typeof token === 'string') this.sent.set(config, token);
      return config;
    });
  }

  /** A failed request: a 401 for the token we hold marks it refused. */
  saw(err: { config?: object; response?: { status?: number } }): void {
    if (err.response?.status === 401 && err.config && this.sent.get(err.config) === this.held) this.refusedHeld = true;
  }

  /** True when the current token may serve a refresh request (it was not refused). */
  get currentServes(): boolean {
    return !this.refusedHeld;
  }

  /** A newer token is in use. */
  adopt(token: string): void {
    this.held = token;
    this.refusedHeld = false;
  }
}
