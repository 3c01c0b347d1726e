import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration from the environment, validated once at start (DESIGN.md, "Contract"):
 * PORT (default 3000), DATA_DIR (embedded database and files, default ./data), DATABASE_URL (a PostgreSQL
 * server instead of the embedded PGlite).
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头 / must start with postgres://')
    .optional(),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  WEB_ROOT: z.string().min(1).default('dist/web'),
  PUBLIC_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** 'auto': load demo data into an empty database; 'on': always (if absent); 'off': never. */
  demoData: 'auto' | 'on' | 'off';
  logLevel: string;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Where the built web app lives; absent = API only. */
  webRoot?: string;
  /** Life of a cached public page (anonymous calls, notices, registry, policies); 0 or absent: no cache. */
  publicCacheMs?: number;
  /** PostgreSQL connections this instance keeps at most (instances × pool ≤ the server's max_connections). */
  databasePoolSize?: number;
  /** A clock the tests control; defaults to the system clock. */
  now?: () => Date;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置无效 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    webRoot: path.resolve(e.WEB_ROOT),
    publicCacheMs: e.PUBLIC_CACHE_MS,
    databasePoolSize: e.DATABASE_POOL_SIZE,
  };
}
