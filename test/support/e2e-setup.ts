/**
 * Global setup of the e2e project: builds the web app when it is missing or older than its sources,
 * starts `diops serve` on a fresh embedded database and a free port, and provides the base URL.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDemoServer } from './e2e-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const webSrc = path.join(root, 'src/web');
const webOut = path.join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildWebIfNeeded(): void {
  if (fs.existsSync(webOut) && fs.statSync(webOut).mtimeMs >= newestMtime(webSrc)) return;
  const vite = path.join(root, 'node_modules/.bin/vite');
  const result = spawnSync(vite, ['build', '--config', 'src/web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('web build failed');
}

export default async function setup(project: TestProject) {
  buildWebIfNeeded();
  const server = await startDemoServer();
  project.provide('baseUrl', server.baseUrl);
  return server.stop;
}
