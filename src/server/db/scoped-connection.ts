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
/** A queued statement, and who waits for its result (if anyone). */
interface Queued {
  sql: string;
  settle?: { resolve(result: pg.QueryResult): void; reject(error: unknown): void };
}

export class ScopedConnection implements DatabaseConnection {
  readonly #client: pg.PoolClient;
  readonly #scopeSql: string;
  readonly #mode: 'statement' | 'transaction';
  #begun = false;
  #committed = false;
  #queued: Queued[] = [];
  /** The last round trip sent: work that runs statements side by side is answered in turn. */
  #inFlight: Promise<unknown> = Promise.resolve();

  constructor(client: pg.PoolClient, scopeSql: string, mode: 'statement' | 'transaction') {
    this.#client = client;
    this.#scopeSql = scopeSql;
    this.#mode = mode;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.#assertOpen();
    if (this.#mode === 'transaction' && this.#begun && this.#queued.length === 0) {
      const results = await this.#run(query.sql, [...query.parameters]);
      return toQueryResult<R>(results[results.length - 1] as pg.QueryResult);
    }
    const statement = inlineParameters(query.sql, query.parameters);
    const results = await this.#send(statement);
    return toQueryResult<R>(results[results.length - 1] as pg.QueryResult);
  }

  /** Queues a write whose result is not needed; it runs, in order, with the next round trip. */
  queue(query: CompiledQuery): void {
    this.#assertOpen();
    if (this.#mode === 'statement') throw new Error('read-only work cannot queue writes');
    this.#queued.push({ sql: inlineParameters(query.sql, query.parameters) });
  }

  /**
   * Queues a statement whose result the work needs later: it is sent, in order, with the next
   * round trip, and the promise settles then (with the whole batch's error if the batch fails).
   */
  queueForResult<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.#assertOpen();
    if (this.#mode === 'statement') throw new Error('read-only work cannot queue writes');
    const result = new Promise<pg.QueryResult>((resolve, reject) => {
      this.#queued.push({ sql: inlineParameters(query.sql, query.parameters), settle: { resolve, reject } });
    });
    // The batch's own caller sees a failure; the queued statement's waiter may never look.
    result.catch(() => undefined);
    return result.then((r) => toQueryResult<R>(r));
  }

  /** Sends what is queued now, without committing (the queued results settle). */
  async flush(): Promise<void> {
    this.#assertOpen();
    if (this.#queued.length > 0) await this.#send(null);
  }

  /**
   * Commits what was done and queued; work that never touched the database costs nothing. The
   * work may commit early (its last writes and the COMMIT in one round trip) and then read the
   * queued results; nothing can run on the connection after that.
   */
  async commit(): Promise<void> {
    if (this.#mode === 'statement' || this.#committed) return;
    this.#committed = true;
    if (!this.#begun && this.#queued.length === 0) return;
    // Work that only queued writes needs no BEGIN or COMMIT: the scope and the writes in one
    // message are one implicit transaction, all or nothing.
    if (!this.#begun) await this.#send(null, true);
    else await this.#send('COMMIT');
  }

  /** After a failure: an explicit transaction must be rolled back before the client is reused. */
  async rollback(): Promise<void> {
    if (this.#mode === 'transaction' && this.#begun) await this.#run('ROLLBACK');
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported inside a scoped transaction');
  }

  /**
   * One round trip, after the one before it has been answered: `pg` would queue a second query
   * itself, but that is deprecated (and gone in pg 9), and work such as `Promise.all` over one
   * transaction's reads does send them side by side.
   */
  #run(text: string, values?: unknown[]): Promise<pg.QueryResult[]> {
    const sent = this.#inFlight.then(() => run(this.#client, text, values));
    this.#inFlight = sent.catch(() => undefined);
    return sent;
  }

  #assertOpen(): void {
    if (this.#committed) throw new Error('the transaction has already been committed');
  }

  /**
   * One round trip: the scope (and BEGIN) when due, every queued statement, then `statement`;
   * `implicit`: the scope without BEGIN, the whole message being the transaction.
   * Answers one result per statement sent; queued waiters get theirs.
   */
  async #send(statement: string | null, implicit = false): Promise<pg.QueryResult[]> {
    const parts: string[] = [];
    if (this.#mode === 'statement' || implicit) parts.push(this.#scopeSql);
    else if (!this.#begun) {
      parts.push('BEGIN', this.#scopeSql);
      this.#begun = true;
    }
    const queued = this.#queued;
    this.#queued = [];
    const first = parts.length;
    parts.push(...queued.map((q) => q.sql));
    if (statement !== null) parts.push(statement);
    let results: pg.QueryResult[];
    try {
      results = await this.#run(parts.join(';\n'));
    } catch (error) {
      for (const q of queued) q.settle?.reject(error);
      throw error;
    }
    queued.forEach((q, i) => {
      q.settle?.resolve(results[first + i] as pg.QueryResult);
    });
    return results;
  }
}

/**
 * `client.query` through its callback. Its promise form kept every result alive past the next
 * young-generation collection: on a list of 50 cases each scavenge then copied ~11 MB and paused
 * the process 9–15 ms instead of 0.1–0.3 ms (measured with --trace-gc, pg 8.23, Node 24), which
 * was the reads' whole p99.
 */
function run(client: pg.PoolClient, text: string, values: unknown[] = []): Promise<pg.QueryResult[]> {
  return new Promise((resolve, reject) => {
    // A message of several statements answers one result per statement.
    client.query(text, values, (error: Error | null, result: pg.QueryResult | pg.QueryResult[]) => {
      if (error) reject(error);
      else resolve(Array.isArray(result) ? result : [result]);
    });
  });
}

const WRITE_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

function toQueryResult<R>(result: pg.QueryResult): QueryResult<R> {
  return {
    numAffectedRows: WRITE_COMMANDS.has(result.command) ? BigInt(result.rowCount ?? 0) : undefined,
    rows: (result.rows ?? []) as R[],
  };
}
