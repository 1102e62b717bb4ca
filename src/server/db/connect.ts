import pg from 'pg';
import type { Config } from '../config.ts';
import { type DbHandle, openDatabase } from './database.ts';
import {
  type EmbeddedServer,
  StartupError,
  startEmbeddedPostgres,
  withDatabase,
} from './embedded-postgres.ts';

export interface Connected {
  database: DbHandle;
  connectionString: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

const MIN_SERVER_VERSION = 150000;
const EMBEDDED_DATABASE = 'diops';

async function checkServer(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(`Cannot connect to DATABASE_URL: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < MIN_SERVER_VERSION) {
      throw new StartupError(
        `DATABASE_URL points at PostgreSQL ${Math.floor(version / 10000)}; DI Ops needs 15 or newer.`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminConnectionString: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when given; otherwise the embedded server in DATA_DIR, started (and later stopped) here. */
export async function connect(
  config: Config,
  log: (line: string) => void,
  poolSize?: number,
): Promise<Connected> {
  let embedded: EmbeddedServer | null = null;
  let connectionString: string;
  if (config.databaseUrl) {
    await checkServer(config.databaseUrl);
    connectionString = config.databaseUrl;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      explicit: config.dataDirExplicit,
      log,
    });
    await ensureDatabase(embedded.connectionString, EMBEDDED_DATABASE);
    connectionString = withDatabase(embedded.connectionString, EMBEDDED_DATABASE);
  }
  const database = openDatabase(connectionString, {
    ...(poolSize ? { max: poolSize } : {}),
    onError: (error) => log(`database connection dropped: ${error.message}`),
  });
  return {
    database,
    connectionString,
    embedded,
    async close() {
      await database.close().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
