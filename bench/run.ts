// `npm run bench`: every benchmark in one run, as ratios against references measured in the same
// run; prints a summary and writes bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCasesBench } from './cases.bench.ts';
import { runChangesBench } from './changes.bench.ts';
import { runCoreBench } from './core.bench.ts';
import { runHttpBench, runStartupBench } from './http.bench.ts';
import { runIcsFeedBench } from './ics-feed.bench.ts';
import { runInventoryBench } from './inventory.bench.ts';
import { runOutboxBench } from './outbox.bench.ts';

const file = path.join(import.meta.dirname, 'results', 'latest.json');
const only = process.argv[2];
// Running one benchmark keeps the others' last results in the file.
const previous: Record<string, unknown> =
  only && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};

const results: Record<string, unknown> = {
  ...previous,
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version },
};
if (!only || only === 'core') results.core = await runCoreBench();
if (!only || only === 'http') results.http = await runHttpBench();
if (!only || only === 'startup') results.startup = await runStartupBench();
if (!only || only === 'outbox') results.outbox = await runOutboxBench();
if (!only || only === 'cases') results.cases = await runCasesBench();
if (!only || only === 'inventory') results.inventory = await runInventoryBench();
if (!only || only === 'ics-feed') results.icsFeed = await runIcsFeedBench();
if (!only || only === 'changes') results.changes = await runChangesBench();

fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(
  `${JSON.stringify(results, null, 2)}\nwritten to ${path.relative(process.cwd(), file)}\n`,
);
