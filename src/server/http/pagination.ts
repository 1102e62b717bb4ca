import { type SelectQueryBuilder, sql } from 'kysely';
import { Type } from 'typebox';
import { AppError } from './errors.ts';

/** Keyset pagination: the cursor carries the last row's sort key and id, opaque to clients. */
export interface CursorKey {
  k: string;
  id: string;
}

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as CursorKey).k === 'string' &&
      typeof (value as CursorKey).id === 'string'
    ) {
      return value as CursorKey;
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

const invalidCursor = () =>
  new AppError(400, 'invalid_cursor', 'The cursor is not one this API returned.', {
    errors: [{ code: 'invalid_cursor', path: 'cursor', message: 'cursor is not valid' }],
  });

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Given limit+1 rows, the page and the cursor to the next one. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => CursorKey,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as T;
  return { items, nextCursor: encodeCursor(keyOf(last)) };
}

export function pageSchema<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

/** Escapes LIKE wildcards in user search text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

/** A cursor whose key is a PostgreSQL UTC timestamp text (exact to the microsecond). */
export function decodeTimestampCursor(cursor: string | undefined): CursorKey | null {
  const key = decodeCursor(cursor);
  if (key && !PG_TIMESTAMP.test(key.k)) throw invalidCursor();
  return key;
}

/**
 * Keyset paging by case-insensitive name then id, for a query over one table with `name` and `id`
 * columns: `.$call(byName(filter))`, then `namePage(rows, filter)` on the limit+1 rows it returns.
 */
export function byName(filter: { cursor?: string; limit?: number }) {
  const after = decodeCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  return <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) =>
    query
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(lower(name), id) > (${after?.k}, ${after?.id}::uuid)`),
      )
      .orderBy(sql`lower(name)`)
      .orderBy(sql`id`)
      .limit(limit + 1);
}

export function namePage<T extends { name: string; id: string }>(rows: T[], filter: { limit?: number }) {
  return pageOf(rows, filter.limit ?? 50, (row) => ({ k: row.name.toLowerCase(), id: row.id }));
}

/**
 * Keyset paging newest first by a timestamp column then id: `.$call(newestFirst('d.created_at',
 * 'd.id', filter))`, then `newestPage(rows, filter)`. The cursor carries the timestamp as text exact
 * to the microsecond (one transaction gives many rows the same now(); milliseconds would skip them).
 */
export function newestFirst(column: string, idColumn: string, filter: { cursor?: string; limit?: number }) {
  return byInstant(column, idColumn, filter, 'desc');
}

/** The same keyset paging, earliest first (queues ordered by what is due soonest). */
export function soonestFirst(column: string, idColumn: string, filter: { cursor?: string; limit?: number }) {
  return byInstant(column, idColumn, filter, 'asc');
}

function byInstant(
  column: string,
  idColumn: string,
  filter: { cursor?: string; limit?: number },
  direction: 'asc' | 'desc',
) {
  const after = decodeTimestampCursor(filter.cursor);
  const limit = filter.limit ?? 50;
  const at = sql.ref(column);
  const id = sql.ref(idColumn);
  const past = direction === 'desc' ? sql.raw('<') : sql.raw('>');
  const order = sql.raw(direction === 'desc' ? 'DESC' : 'ASC');
  return <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) =>
    query
      .select(sql<string>`(${at} AT TIME ZONE 'UTC')::text`.as('sort_key'))
      .$if(after !== null, (qb) =>
        qb.where(
          sql<boolean>`(${at}, ${id}) ${past} (${after?.k}::timestamp AT TIME ZONE 'UTC', ${after?.id}::uuid)`,
        ),
      )
      .orderBy(sql`${at} ${order}`)
      .orderBy(sql`${id} ${order}`)
      .limit(limit + 1);
}

export function newestPage<T extends { sort_key: string; id: string }>(
  rows: T[],
  filter: { limit?: number },
) {
  return pageOf(rows, filter.limit ?? 50, (row) => ({ k: row.sort_key, id: row.id }));
}
