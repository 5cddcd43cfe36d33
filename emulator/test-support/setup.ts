// Shared set-up for emulator tests: a portal on a random port with the app installed against a sink.
import { createEmulator, type Emulator, type EmulatorOptions, type InstallResult } from '../index.js';
import { startSink, type Sink } from './handler-sink.js';

export interface Installed {
  em: Emulator;
  sink: Sink;
  install: InstallResult;
  token: string;
  call(method: string, params?: Record<string, unknown>, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export const CLIENT = { clientId: 'local.test0000000001.00000001', clientSecret: 'secret-1' };

export async function startInstalled(opts: Partial<EmulatorOptions> = {}, install: { withUi?: boolean } = {}): Promise<Installed> {
  const sink = await startSink();
  const em = await createEmulator({ ...CLIENT, rateLimit: false, ...opts });
  const res = await em.installApp({
    handlerUrl: `${sink.url}/install-handler`,
    ...(install.withUi ? { installUrl: `${sink.url}/install` } : {}),
  });
  const call = async (method: string, params: Record<string, unknown> = {}, token = res.auth.accessToken) => {
    const r = await fetch(`${em.url}/rest/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...params, auth: token }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  return {
    em,
    sink,
    install: res,
    token: res.auth.accessToken,
    call,
    close: async () => {
      await em.close();
      await sink.close();
    },
  };
}
