#!/usr/bin/env node
// Launcher: DI Ops runs its TypeScript directly on Node.js >= 22.18 (type stripping). On an older
// system Node it re-runs itself with the Node pinned in node_modules (the `node` devDependency).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    process.stderr.write(
      `diops: Node.js ${process.versions.node} is too old; run \`npm ci\` first (it installs Node 24) or use Node >= 22.18\n`,
    );
    process.exit(1);
  }
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(join(root, 'src', 'server', 'main.ts'));
}
