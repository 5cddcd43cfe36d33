// Options of the local portal and how they are read from the environment (EMULATOR_*).
// Defaults follow the documented cloud values (contract.md §1.5, §2.5).

/** The language of a seeded demo portal (its portal.languageId, and its pipeline's stage names). */
export type DemoPortalLang = 'en' | 'es' | 'ru';

export interface RateLimitOptions {
  burst: number;
  drainPerSec: number;
}

export interface FaultOptions {
  /** Share (0..1) of REST calls answered with an injected 500/503. */
  errorRate: number;
  /** Extra latency added to every REST call. */
  delayMs: number;
  /** Share (0..1) of event deliveries silently dropped. */
  dropEvents: number;
}

export interface OperatingOptions {
  /** Sum of execution time per method per app within 10 minutes before 429 OPERATION_TIME_LIMIT. */
  limitSec: number;
  /** Extra simulated execution time per call, by lowercase method name (to exercise the limit in tests). */
  costSecByMethod?: Record<string, number>;
}

export interface EmulatorLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  /** Where /oauth/authorize/ sends the browser back (the app's redirect URL from the app card). */
  redirectUri?: string;
  accessTtlSec?: number;
  refreshTtlSec?: number;
  rateLimit?: RateLimitOptions | false;
  operating?: OperatingOptions | false;
  faults?: Partial<FaultOptions>;
  stateFile?: string;
  /** Seed the demo portal; a language ('es', 'ru') makes it a portal in that language, its pipeline
   *  and stage names written in it (true: the English portal the demo has always been). */
  seedDemoData?: boolean | DemoPortalLang;
  logger?: EmulatorLogger;
  /** Random source for fault injection; tests pass a deterministic one. */
  random?: () => number;
  /** App status shown in tokens and app.info: L local, F free, D demo, T trial, P paid. */
  appStatus?: 'L' | 'F' | 'D' | 'T' | 'P';
  /** Origins allowed by CORS on /rest/*; defaults to the origin of the installed app's handler. */
  corsOrigins?: string[];
  /** Plan limit: crm.type.add answers CREATE_DYNAMIC_TYPE_RESTRICTED once this many SPAs exist (0 = a plan without them). */
  smartProcessLimit?: number;
  /** Plan limit: crm.item.add on an SPA answers CREATE_DYNAMIC_ITEM_RESTRICTED. */
  smartProcessItemsRestricted?: boolean;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string | undefined;
  accessTtlSec: number;
  refreshTtlSec: number;
  rateLimit: RateLimitOptions | false;
  operating: OperatingOptions | false;
  faults: FaultOptions;
  stateFile: string | undefined;
  seedDemoData: false | DemoPortalLang;
  logger: EmulatorLogger;
  random: () => number;
  appStatus: 'L' | 'F' | 'D' | 'T' | 'P';
  corsOrigins: string[];
  smartProcessLimit: number | undefined;
  smartProcessItemsRestricted: boolean;
}

const silent: EmulatorLogger = { info: () => undefined, warn: () => undefined };

function envNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** Options win over environment variables, which win over defaults. */
export function resolveOptions(opts: EmulatorOptions, env: NodeJS.ProcessEnv = process.env): ResolvedOptions {
  const faults: FaultOptions = {
    errorRate: opts.faults?.errorRate ?? envNumber(env, 'EMULATOR_FAULT_ERROR_RATE') ?? 0,
    delayMs: opts.faults?.delayMs ?? envNumber(env, 'EMULATOR_FAULT_DELAY_MS') ?? 0,
    dropEvents: opts.faults?.dropEvents ?? envNumber(env, 'EMULATOR_FAULT_DROP_EVENTS') ?? 0,
  };
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    redirectUri: opts.redirectUri,
    accessTtlSec: opts.accessTtlSec ?? envNumber(env, 'EMULATOR_ACCESS_TTL_SEC') ?? 3600,
    refreshTtlSec: opts.refreshTtlSec ?? envNumber(env, 'EMULATOR_REFRESH_TTL_SEC') ?? 180 * 86400,
    rateLimit: opts.rateLimit ?? { burst: 50, drainPerSec: 2 },
    operating: opts.operating ?? { limitSec: 480 },
    faults,
    stateFile: opts.stateFile,
    seedDemoData: opts.seedDemoData === true ? 'en' : (opts.seedDemoData ?? false),
    logger: opts.logger ?? silent,
    random: opts.random ?? Math.random,
    appStatus: opts.appStatus ?? 'L',
    corsOrigins: opts.corsOrigins ?? [],
    smartProcessLimit: opts.smartProcessLimit ?? envNumber(env, 'EMULATOR_SMART_PROCESS_LIMIT'),
    smartProcessItemsRestricted: opts.smartProcessItemsRestricted ?? env.EMULATOR_SMART_PROCESS_ITEMS_RESTRICTED === '1',
  };
}
