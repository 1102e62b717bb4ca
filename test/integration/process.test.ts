import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The process contract (SPEC §7) exercised on the real CLI with the embedded PostgreSQL. */
const root = path.resolve(import.meta.dirname, '..', '..');
const nodeBinary = process.execPath;
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diops-proc-'));
  tempDirs.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  let output = '';
  const child = spawn(nodeBinary, [path.join(root, 'bin', 'diops.mjs'), 'serve'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: 'false', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, running: Running, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`server exited: ${running.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no /health within ${timeoutMs} ms: ${running.output()}`);
}

const postgresRunning = (dataDir: string) => {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('process contract', () => {
  it('survives its own kill -9, keeps the data, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      ADMIN_EMAIL: 'first@provider.example',
      ADMIN_PASSWORD: 'first-admin-password',
    };
    const first = start(env);
    await waitForHealth(port, first);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@provider.example', password: 'first-admin-password' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/partners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Survivor Partner' }),
    });
    expect(created.status).toBe(201);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(postgresRunning(dataDir)).toBe(true);

    const second = start(env);
    await waitForHealth(port, second);
    expect(second.output()).toMatch(/left running by a previous run/);
    const list = await fetch(`http://127.0.0.1:${port}/api/v1/partners?q=Survivor`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual([
      'Survivor Partner',
    ]);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/stopped cleanly/);
    expect(postgresRunning(dataDir)).toBe(false);
  }, 90_000);

  it('says in one line that the port is taken', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const running = start({ DATA_DIR: tempDir(), PORT: String(port) });
      expect(await running.exited).toBe(1);
      const lines = running
        .output()
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('diops: initialising') && !l.startsWith('diops: applied'));
      expect(lines).toEqual([expect.stringMatching(/^diops: port \d+ is already in use/)]);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('says in one line that DATA_DIR is not writable', async () => {
    const running = start({ DATA_DIR: '/proc/diops-cannot-write-here', PORT: String(await freePort()) });
    expect(await running.exited).toBe(1);
    expect(running.output().trim()).toMatch(
      /^diops: DATA_DIR \/proc\/diops-cannot-write-here is not writable[^\n]*$/,
    );
  }, 30_000);

  it.runIf(process.getuid?.() === 0)(
    'as root, names the directory the postgres user cannot enter',
    async () => {
      const locked = tempDir();
      fs.chmodSync(locked, 0o700);
      const running = start({ DATA_DIR: path.join(locked, 'data'), PORT: String(await freePort()) });
      expect(await running.exited).toBe(1);
      expect(running.output().trim()).toMatch(
        new RegExp(`^diops: DATA_DIR .* is below ${locked}, .*chmod o\\+x ${locked}`),
      );
    },
    30_000,
  );
});
