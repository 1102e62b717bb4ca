import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database, Role } from './schema.ts';

export type Db = Kysely<Database>;
/** A connection inside an open transaction (services never commit; inScope does). */
export type Tx = Kysely<Database>;

// DATE columns stay 'YYYY-MM-DD' strings: a contract ends on a calendar day, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// int8 (identity ids, counts) as strings would leak into JSON; they stay well inside 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function openDatabase(
  connectionString: string,
  options: { max?: number; onError?: (e: Error) => void } = {},
): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'diops',
  });
  // An idle client can be terminated by the server (57P01 at shutdown, restarts); the pool drops
  // it and makes a new one, so this is logged, never fatal.
  pool.on('error', (error) => options.onError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    async close() {
      await db.destroy();
    },
  };
}

/** Who is asking: decides which rows the request may see (in the services and in RLS). */
export interface Scope {
  kind: 'provider' | 'partner' | 'customer' | 'system';
  userId: string | null;
  role: Role | null;
  partnerId: string | null;
  customerId: string | null;
  /** Shown in the audit log: the user's e-mail or the job's name. */
  label: string;
  /** API tokens may be read-only. */
  readOnly: boolean;
  requestId: string | null;
}

export function systemScope(label: string, requestId: string | null = null): Scope {
  return {
    kind: 'system',
    userId: null,
    role: null,
    partnerId: null,
    customerId: null,
    label,
    readOnly: false,
    requestId,
  };
}

export function scopeForUser(
  user: { id: string; email: string; role: Role; partner_id: string | null; customer_id: string | null },
  extra: { readOnly?: boolean; requestId?: string | null } = {},
): Scope {
  const kind = user.role.startsWith('provider_')
    ? 'provider'
    : user.role === 'customer_viewer'
      ? 'customer'
      : 'partner';
  return {
    kind,
    userId: user.id,
    role: user.role,
    partnerId: user.partner_id,
    customerId: user.customer_id,
    label: user.email,
    readOnly: extra.readOnly ?? false,
    requestId: extra.requestId ?? null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCOPE_KINDS = new Set(['provider', 'partner', 'customer', 'system']);

function settingValue(value: string | null): string {
  if (value === null) return "''";
  if (!UUID.test(value)) throw new Error('scope ids must be UUIDs');
  return `'${value}'`;
}

/**
 * BEGIN plus the scope settings as one simple-protocol round trip. Every inlined value is checked
 * against a closed set or the UUID shape first, so nothing from a request reaches the SQL text.
 */
function beginStatement(scope: Scope, readOnly: boolean): string {
  if (!SCOPE_KINDS.has(scope.kind)) throw new Error(`unknown scope kind ${scope.kind}`);
  return `BEGIN${readOnly ? ' READ ONLY' : ''}; SELECT set_config('role', 'diops_app', true),
    set_config('app.scope', '${scope.kind}', true),
    set_config('app.partner_id', ${settingValue(scope.partnerId)}, true),
    set_config('app.customer_id', ${settingValue(scope.customerId)}, true),
    set_config('app.user_id', ${settingValue(scope.userId)}, true)`;
}

/**
 * Runs `work` in one transaction as the non-owner role `diops_app`, with the caller's scope in
 * transaction-local settings that the row-level security policies read.
 */
export async function inScope<T>(
  db: Db,
  scope: Scope,
  work: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(beginStatement(scope, options.readOnly ?? false)).execute(connection);
    let result: T;
    try {
      result = await work(connection);
    } catch (error) {
      await sql`ROLLBACK`.execute(connection).catch(() => undefined);
      throw error;
    }
    await sql`COMMIT`.execute(connection);
    return result;
  });
}
