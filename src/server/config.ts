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
  readCacheMs: number;
  caseContextCacheMs: number;
  /** Where e-mail goes; null keeps messages in the built-in mailbox (the demo). */
  smtpUrl: string | null;
  mailFrom: string;
  /** The address links in notifications point to. */
  publicUrl: string;
  /** Networks webhooks may reach besides the public internet (tests allow loopback). */
  webhookAllowNetworks: WebhookNetwork[];
  webhookTimeoutMs: number;
  /** 32-byte key (hex or base64) that encrypts webhook secrets at rest; null stores them as given. */
  secretsKey: Buffer | null;
  outbox: OutboxConfig;
  /** Case attachments live here as files, outside the database rows. */
  attachmentsDir: string;
  attachmentMaxBytes: number;
}

export type WebhookNetwork = 'loopback' | 'private' | 'link-local';
const WEBHOOK_NETWORKS: readonly WebhookNetwork[] = ['loopback', 'private', 'link-local'];

export interface OutboxConfig {
  /** Deliveries claimed per batch. */
  batchSize: number;
  /** Batches in flight at once per worker. */
  lanes: number;
  /** How long a claimed delivery is ours before another worker may take it over. */
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Poll interval when LISTEN/NOTIFY is quiet. */
  pollMs: number;
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

function secretsKeyFrom(raw: string | undefined): Buffer | null {
  if (!raw) return null;
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError('SECRETS_KEY must be 32 bytes, as 64 hex digits or base64');
  return key;
}

function networksFrom(raw: string | undefined): WebhookNetwork[] {
  if (!raw) return [];
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!WEBHOOK_NETWORKS.includes(name as WebhookNetwork))
      throw new ConfigError(`WEBHOOK_ALLOW_NETWORKS may list ${WEBHOOK_NETWORKS.join(', ')} (got "${name}")`);
  }
  return names as WebhookNetwork[];
}

function urlFrom(env: NodeJS.ProcessEnv, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (got "${raw}")`);
  }
  if (!protocols.includes(url.protocol))
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return raw.replace(/\/+$/, '');
}

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(projectRoot, 'data');
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const config: Config = {
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
    readCacheMs: intFrom(env, 'READ_CACHE_MS', 2_000, 0, 60_000),
    caseContextCacheMs: intFrom(env, 'CASE_CONTEXT_CACHE_MS', 600_000, 0, 86_400_000),
    smtpUrl: env.SMTP_URL ? urlFrom(env, 'SMTP_URL', '', ['smtp:', 'smtps:']) : null,
    mailFrom: env.MAIL_FROM || 'DI Ops <noreply@diops.invalid>',
    publicUrl: urlFrom(env, 'PUBLIC_URL', `http://localhost:${env.PORT || 3000}`, ['http:', 'https:']),
    webhookAllowNetworks: networksFrom(env.WEBHOOK_ALLOW_NETWORKS),
    webhookTimeoutMs: intFrom(env, 'WEBHOOK_TIMEOUT_MS', 5_000, 100, 60_000),
    secretsKey: secretsKeyFrom(env.SECRETS_KEY),
    attachmentsDir: env.ATTACHMENTS_DIR
      ? path.resolve(env.ATTACHMENTS_DIR)
      : path.join(dataDir, 'attachments'),
    attachmentMaxBytes: intFrom(env, 'ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    outbox: {
      batchSize: intFrom(env, 'OUTBOX_BATCH_SIZE', 100, 1, 1_000),
      lanes: intFrom(env, 'OUTBOX_LANES', 4, 1, 32),
      leaseMs: intFrom(env, 'OUTBOX_LEASE_MS', 60_000, 1_000, 3_600_000),
      maxAttempts: intFrom(env, 'OUTBOX_MAX_ATTEMPTS', 8, 1, 100),
      retryBaseMs: intFrom(env, 'OUTBOX_RETRY_BASE_MS', 30_000, 10, 3_600_000),
      retryMaxMs: intFrom(env, 'OUTBOX_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
      pollMs: intFrom(env, 'OUTBOX_POLL_MS', 1_000, 10, 60_000),
    },
  };
  // A lease shorter than a send could let a second worker send a message still in flight.
  if (config.outbox.leaseMs < 2 * config.webhookTimeoutMs)
    throw new ConfigError('OUTBOX_LEASE_MS must be at least twice WEBHOOK_TIMEOUT_MS');
  return config;
}
