// The portal's page for our app URL: the emulator's /marketplace/app/ shows the install URL (where
// installFinish happens); after install Bitrix24 opens the app URL instead, with the same DEFAULT
// frame. This extension serves that page at /marketplace/app/settings/, built from the emulator's
// own appPage, for the app listening at appUrl() (known only once the app has started).
import type { EmulatorExtension } from '../emulator/index.js';
import { hostFromCore } from '../emulator/portal-ui/host.js';
import { portalLang } from '../emulator/portal-ui/i18n.js';
import { appPage } from '../emulator/portal-ui/pages.js';
import { settingsPlacement } from '../placements/settings.js';

export function settingsAppPage(appUrl: () => string): EmulatorExtension {
  return {
    name: 'settings-app-page',
    register(app, core) {
      const host = hostFromCore(core);
      app.get('/marketplace/app/settings/', async (req, reply) => {
        const q = req.query as Record<string, string | undefined>;
        const lang = portalLang(q.lang, host.defaultLang());
        const userId = Number(q.user ?? 1);
        const ctx = { host, lang, userId, keep: `lang=${lang}&user=${userId}` };
        return reply.type('text/html; charset=utf-8').send(appPage(ctx, `${appUrl()}${settingsPlacement.handlerPath}`));
      });
    },
  };
}
