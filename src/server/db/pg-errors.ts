import type { DatabaseError } from 'pg';

/** True when `error` is PostgreSQL's unique violation on the named index or constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as Partial<DatabaseError>;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}
