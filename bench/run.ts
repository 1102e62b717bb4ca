// `npm run bench`: every benchmark in one run, as ratios against references measured in the same
// run; prints a summary and writes bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCoreBench } from './core.bench.ts';
import { runHttpBench, runStartupBench } from './http.bench.ts';

const results: Record<string, unknown> = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
};
const only = process.argv[2];
if (!only || only === 'core') results.core = await runCoreBench();
if (!only || only === 'http') results.http = await runHttpBench();
if (!only || only === 'startup') results.startup = await runStartupBench();

const file = path.join(import.meta.dirname, 'results', 'latest.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(
  `${JSON.stringify(results, null, 2)}\nwritten to ${path.relative(process.cwd(), file)}\n`,
);
