import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type pg from 'pg';
import { inlineParameters } from './sql-literal.ts';

/**
 * One pooled connection running a caller's work in the caller's scope, in as few round trips as
 * the work allows (decision 0006). Every round trip costs both processes a system call pair and a
 * wake-up, and on this two-core deployment shape round trips, not SQL, bound the request rate.
 *
 * - `statement` mode (read-only work): each statement travels with the scope settings in one
 *   simple-protocol message, which PostgreSQL runs as one implicit transaction. The settings are
 *   transaction-local, so they end with it. Under READ COMMITTED every statement takes its own
 *   snapshot anyway, so this reads exactly what an explicit read-only transaction would.
 * - `transaction` mode: BEGIN and the scope settings ride on the first statement; writes whose
 *   result nobody reads (audit rows, history events, outbox events) are queued and ride on the
 *   next statement or on the COMMIT.
 */
export class ScopedConnection implements DatabaseConnection {
  readonly #client: pg.PoolClient;
  readonly #scopeSql: string;
  readonly #mode: 'statement' | 'transaction';
  #begun = false;
  #queued: string[] = [];

  constructor(client: pg.PoolClient, scopeSql: string, mode: 'statement' | 'transaction') {
    this.#client = client;
    this.#scopeSql = scopeSql;
    this.#mode = mode;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#mode === 'transaction' && this.#begun && this.#queued.length === 0) {
      return toQueryResult<R>(await this.#client.query(query.sql, [...query.parameters]));
    }
    const statement = inlineParameters(query.sql, query.parameters);
    return toQueryResult<R>(lastResult(await this.#client.query(this.#batch(statement))));
  }

  /** Queues a write whose result is not needed; it runs, in order, with the next round trip. */
  queue(query: CompiledQuery): void {
    if (this.#mode === 'statement') throw new Error('read-only work cannot queue writes');
    this.#queued.push(inlineParameters(query.sql, query.parameters));
  }

  /** Commits what was done and queued; work that never touched the database costs nothing. */
  async commit(): Promise<void> {
    if (this.#mode === 'statement') return;
    if (!this.#begun && this.#queued.length === 0) return;
    await this.#client.query(this.#batch('COMMIT'));
  }

  /** After a failure: an explicit transaction must be rolled back before the client is reused. */
  async rollback(): Promise<void> {
    if (this.#mode === 'transaction' && this.#begun) await this.#client.query('ROLLBACK');
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported inside a scoped transaction');
  }

  #batch(statement: string): string {
    const parts: string[] = [];
    if (this.#mode === 'statement') parts.push(this.#scopeSql);
    else if (!this.#begun) {
      parts.push('BEGIN', this.#scopeSql);
      this.#begun = true;
    }
    parts.push(...this.#queued, statement);
    this.#queued = [];
    return parts.join(';\n');
  }
}

function lastResult(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResult {
  return Array.isArray(result) ? (result[result.length - 1] as pg.QueryResult) : result;
}

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

function toQueryResult<R>(result: pg.QueryResult): QueryResult<R> {
  return {
    numAffectedRows: WRITE_COMMANDS.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined,
    rows: (result.rows ?? []) as R[],
  };
}
