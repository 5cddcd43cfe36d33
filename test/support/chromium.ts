// Chromium for the browser tests. The e2e projects' global setup (e2e-global-setup.ts) starts one
// browser server and hands its endpoint to every file (vitest provide/inject); a file connects and
// opens a fresh context per use — same isolation as a fresh profile (own cookies, storage, locale),
// at ~0.4 s a use where launching a browser per test cost ~2 s on this 2-core machine (issue 12
// item 7). Outside vitest (bench/) or where no server was provided, a browser of its own.
import { chromium, type Browser as PlaywrightBrowser, type BrowserServer } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const LAUNCH = { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared browser server's WebSocket endpoint (e2e-global-setup.ts). */
    chromiumWs: string;
  }
}

/** For the global setup: the one browser server the project's files connect to. */
export function startChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH);
}

async function providedEndpoint(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject('chromiumWs');
}

/**
 * A browser to open contexts in: connected to the shared server when there is one, else launched.
 * close() on a connected browser closes its contexts and disconnects; the server lives on.
 */
export async function chromiumBrowser(): Promise<PlaywrightBrowser> {
  const ws = await providedEndpoint();
  return ws ? chromium.connect(ws) : chromium.launch(LAUNCH);
}
