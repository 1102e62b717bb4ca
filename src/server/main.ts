import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig, projectRoot } from './config.ts';
import { connect } from './db/connect.ts';
import { StartupError } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import { AppError } from './http/errors.ts';
import { startWorker } from './jobs/worker.ts';
import { loadPolicy } from './modules/policy/load-policy.ts';
import { createAdmin, DEMO_ACCOUNTS, DEMO_PASSWORD, ensureFirstAdmin, seedDemo } from './seed/demo.ts';

const USAGE = `Usage: diops <command>

  start               build the web app if needed, then serve (what npm start runs)
  serve [--role all|api|worker]
                      migrate, seed, serve the API and web app on PORT (and run the worker)
  worker              run the background jobs only
  migrate             apply database migrations and exit
  seed                load the demo data set (idempotent) and exit
  policy check FILE   validate a policy document
  create-admin --email E --password P [--name N]
                      create a provider admin`;

const say = (line: string) => process.stdout.write(`diops: ${line}\n`);

/** Newest modification time of any file below `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** `npm start` builds what is missing: the web bundle when absent or older than its sources. */
function ensureWebBuild(config: Config): void {
  const index = path.join(config.webDir, 'index.html');
  const sources = path.join(projectRoot, 'src', 'web');
  if (!fs.existsSync(sources)) return;
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(sources)) return;
  say('building the web app…');
  const vite = path.join(projectRoot, 'node_modules', '.bin', 'vite');
  const result = spawnSync(
    vite,
    ['build', '--config', path.join(sources, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      cwd: projectRoot,
    },
  );
  if (result.status !== 0) throw new StartupError('the web build failed (see above)');
}

function sayWhereMailGoes(config: Config): void {
  say(
    config.smtpUrl
      ? `e-mail goes to ${new URL(config.smtpUrl).host}`
      : 'e-mail is kept in the built-in mailbox (no SMTP_URL): open Mailbox in the web app',
  );
  if (!config.secretsKey) say('webhook signing secrets are stored unsealed: set SECRETS_KEY to encrypt them');
}

async function serve(config: Config, role: 'all' | 'api' | 'worker'): Promise<void> {
  const started = Date.now();
  // An invalid policy stops start-up before anything else happens.
  const policy = loadPolicy(config.policyFile ?? undefined);
  if (config.policyFile) say(`policy ${policy.file} (version ${policy.policy.version})`);
  const connected = await connect(config, say);
  const { database } = connected;
  const applied = await migrateToLatest(database.db as never);
  if (applied.length > 0) say(`applied migrations: ${applied.join(', ')}`);
  if (config.adminEmail && config.adminPassword) {
    if (await ensureFirstAdmin(database.db, config.adminEmail, config.adminPassword)) {
      say(`created the first provider admin ${config.adminEmail}`);
    }
  }
  if (config.seedDemo && role !== 'worker') {
    const { created } = await seedDemo(database.db, config, policy.policy);
    if (created) say('loaded the demo data set');
  }

  const app = role === 'worker' ? null : await buildApp({ config, database, policy });
  if (app) {
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      // Closing the app releases its LISTEN connection, without which the pool could not end.
      await app.close().catch(() => undefined);
      await connected.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new StartupError(
          `port ${config.port} is already in use: stop the other server or set PORT to a free port`,
        );
      if (code === 'EACCES')
        throw new StartupError(`port ${config.port} needs privileges: choose PORT above 1024`);
      throw error;
    }
  }
  // Jobs start once the server has its port: a start-up that fails runs none of them.
  const worker =
    role === 'api' ? null : startWorker(database, config, policy.policy, (message) => say(message));
  if (app) {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    say(
      `ready in ${((Date.now() - started) / 1000).toFixed(2)} s on http://localhost:${port}/ (API docs at /api/docs)`,
    );
    if (role === 'all') sayWhereMailGoes(config);
    if (config.seedDemo) {
      say(`demo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const account of DEMO_ACCOUNTS)
        say(`  ${account.email.padEnd(38)} ${account.role.padEnd(18)} ${account.organisation}`);
    }
  } else {
    say('worker running');
    sayWhereMailGoes(config);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      say(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    say(`${signal} received: finishing requests in flight`);
    const force = setTimeout(() => {
      say('shutdown took longer than 25 s: exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    await app?.close();
    await worker?.stop();
    await connected.close();
    say('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function withDatabase<T>(
  config: Config,
  work: (db: Awaited<ReturnType<typeof connect>>) => Promise<T>,
): Promise<T> {
  const connected = await connect(config, say, 4);
  try {
    await migrateToLatest(connected.database.db as never);
    return await work(connected);
  } finally {
    await connected.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      ensureWebBuild(config);
      await serve(config, 'all');
      return -1;
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { role: { type: 'string', default: 'all' } } });
      const role = values.role;
      if (role !== 'all' && role !== 'api' && role !== 'worker')
        throw new ConfigError('--role must be all, api or worker');
      await serve(config, role);
      return -1;
    }
    case 'worker':
      await serve(config, 'worker');
      return -1;
    case 'migrate':
      await withDatabase(config, async () => say('database is up to date'));
      return 0;
    case 'seed':
      await withDatabase(config, async ({ database }) => {
        const { created } = await seedDemo(database.db, config);
        say(created ? 'loaded the demo data set' : 'the demo data set was already there');
      });
      return 0;
    case 'policy': {
      const { checkPolicyCommand } = await import('./policy-check.ts');
      return checkPolicyCommand(rest);
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      });
      const email = values.email ?? config.adminEmail;
      const password = values.password ?? config.adminPassword;
      if (!email || !password)
        throw new ConfigError(
          'create-admin needs --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD)',
        );
      await withDatabase(config, async ({ database }) => {
        const user = await createAdmin(database.db, email, password, values.name);
        say(`created provider admin ${user.email}`);
      });
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command ? 0 : 2;
    default:
      process.stderr.write(`diops: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof StartupError || error instanceof ConfigError) {
      process.stderr.write(`diops: ${error.message}\n`);
    } else if (error instanceof AppError) {
      process.stderr.write(
        `diops: ${error.message} ${error.errors?.map((e) => e.message).join('; ') ?? ''}\n`,
      );
    } else {
      process.stderr.write(`diops: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  },
);
