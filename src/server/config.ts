import path from 'node:path';

/** Runtime configuration, read once from the environment (secrets never come from files in the repo). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  dataDirExplicit: boolean;
  seedDemo: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  policyFile: string | null;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  loginMaxFailuresPerEmail: number;
  loginMaxFailuresPerIp: number;
  loginWindowMinutes: number;
  webDir: string;
  trustProxy: boolean;
  authCacheMs: number;
}

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(projectRoot, 'data');
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    dataDirExplicit: Boolean(env.DATA_DIR),
    seedDemo: boolFrom(env, 'SEED_DEMO', true),
    adminEmail,
    adminPassword,
    policyFile: env.POLICY_FILE ? path.resolve(env.POLICY_FILE) : null,
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 12 * 60, 1, 60 * 24 * 30),
    sessionAbsoluteHours: intFrom(env, 'SESSION_ABSOLUTE_HOURS', 7 * 24, 1, 24 * 365),
    cookieSecure: boolFrom(env, 'COOKIE_SECURE', false),
    loginMaxFailuresPerEmail: intFrom(env, 'LOGIN_MAX_FAILURES_PER_EMAIL', 10, 1, 10_000),
    loginMaxFailuresPerIp: intFrom(env, 'LOGIN_MAX_FAILURES_PER_IP', 50, 1, 100_000),
    loginWindowMinutes: intFrom(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    webDir: path.join(projectRoot, 'dist', 'web'),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    authCacheMs: intFrom(env, 'AUTH_CACHE_MS', 2_000, 0, 60_000),
  };
}
