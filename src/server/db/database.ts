import {
  type CompiledQuery,
  Kysely,
  type KyselyProps,
  PostgresDialect,
  type QueryExecutor,
  type QueryExecutorProvider,
  type QueryResult,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database, Role } from './schema.ts';
import { ScopedConnection } from './scoped-connection.ts';

export type Db = Kysely<Database>;
/** A connection inside an open transaction (services never commit; inScope does). */
export type Tx = Kysely<Database>;

// DATE columns stay 'YYYY-MM-DD' strings: a contract ends on a calendar day, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// int8 (identity ids, counts) as strings would leak into JSON; they stay well inside 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** What inScope needs to build a per-transaction Kysely over one of the pool's clients. */
interface Handle {
  pool: pg.Pool;
  props: Omit<KyselyProps, 'executor'>;
  executor: QueryExecutor;
}
const handles = new WeakMap<Db, Handle>();
const scopedConnections = new WeakMap<Tx, ScopedConnection>();

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
  const dialect = new PostgresDialect({ pool });
  const db = new Kysely<Database>({ dialect });
  handles.set(db, {
    pool,
    props: { config: { dialect }, dialect, driver: dialect.createDriver() },
    executor: db.getExecutor(),
  });
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
  /** The signed-in user's display name and partner's name, when the sign-in look-up gave them. */
  userName?: string;
  partnerName?: string | null;
}

/** How a timeline names who wrote an entry: the display name when the sign-in gave it. */
export function authorName(scope: Scope): string {
  return scope.userName ?? scope.label;
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
  user: {
    id: string;
    email: string;
    role: Role;
    partner_id: string | null;
    customer_id: string | null;
    name?: string;
    partner_name?: string | null;
  },
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
    ...(user.name === undefined ? {} : { userName: user.name, partnerName: user.partner_name ?? null }),
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
 * The scope settings as one statement. Every inlined value is checked against a closed set or the
 * UUID shape first, so nothing from a request reaches the SQL text.
 */
function scopeStatement(scope: Scope, readOnly: boolean): string {
  if (!SCOPE_KINDS.has(scope.kind)) throw new Error(`unknown scope kind ${scope.kind}`);
  return `SELECT set_config('role', 'diops_app', true),${readOnly ? " set_config('transaction_read_only', 'on', true)," : ''}
    set_config('app.scope', '${scope.kind}', true),
    set_config('app.partner_id', ${settingValue(scope.partnerId)}, true),
    set_config('app.customer_id', ${settingValue(scope.customerId)}, true),
    set_config('app.user_id', ${settingValue(scope.userId)}, true)`;
}

/**
 * Runs `work` as the non-owner role `diops_app`, with the caller's scope in transaction-local
 * settings that the row-level security policies read. Read-write work is one transaction; read-only
 * work runs each statement in its own implicit transaction with the scope (see ScopedConnection).
 */
export async function inScope<T>(
  db: Db,
  scope: Scope,
  work: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const handle = handles.get(db);
  if (!handle) throw new Error('inScope needs the Kysely instance made by openDatabase');
  const readOnly = options.readOnly ?? false;
  const client = await handle.pool.connect();
  const connection = new ScopedConnection(
    client,
    scopeStatement(scope, readOnly),
    readOnly ? 'statement' : 'transaction',
  );
  const tx = new Kysely<Database>({
    ...handle.props,
    executor: handle.executor.withConnectionProvider({
      provideConnection: (consumer) => consumer(connection),
    }),
  });
  scopedConnections.set(tx, connection);
  let broken: Error | undefined;
  try {
    const result = await work(tx);
    await connection.commit();
    return result;
  } catch (error) {
    await connection.rollback().catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A client whose rollback failed is in an unknown state: the pool destroys it.
    client.release(broken);
  }
}

/**
 * Puts another scope's settings on a read-write transaction already running (`inScope`), for work
 * that acts for several users in one transaction (the demo seed opening cases as partner
 * engineers). The caller switches back when done; requests never need this.
 */
export async function switchScope(tx: Tx, scope: Scope): Promise<void> {
  await sql.raw(scopeStatement(scope, false)).execute(tx);
}

/**
 * Runs a write whose result the caller does not need. Inside inScope it is queued and sent with the
 * transaction's next statement or its COMMIT, saving a round trip; errors surface there and roll
 * the whole transaction back. Elsewhere it runs at once.
 */
export async function queueWrite(tx: Tx, query: Queueable): Promise<void> {
  const compiled = query.compile(tx);
  const connection = scopedConnections.get(tx);
  if (connection) connection.queue(compiled);
  else await tx.executeQuery(compiled);
}

/**
 * Queues a write whose result the work needs later (an INSERT … RETURNING): it travels with the
 * next round trip — typically `commitNow` — and the promise settles then. Outside inScope it runs
 * at once.
 */
export function queueForResult<R>(tx: Tx, query: Queueable): Promise<QueryResult<R>> {
  const compiled = query.compile(tx);
  const connection = scopedConnections.get(tx);
  return connection ? connection.queueForResult<R>(compiled) : tx.executeQuery<R>(compiled);
}

/** Sends the queued statements now, inside the transaction (their results settle). */
export async function flushQueued(tx: Tx): Promise<void> {
  await scopedConnections.get(tx)?.flush();
}

/**
 * Commits inside the work: the queued statements and the COMMIT in one round trip. Nothing may
 * run on `tx` afterwards; the work then only builds its answer from what it queued.
 */
export async function commitNow(tx: Tx): Promise<void> {
  await scopedConnections.get(tx)?.commit();
}

/** A query builder or a raw `sql` fragment. */
interface Queueable {
  compile(executorProvider: QueryExecutorProvider): CompiledQuery;
}
