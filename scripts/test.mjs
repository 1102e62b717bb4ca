// `npm test`: unit, integration (real PostgreSQL) and browser tests, installing what it lacks.
// Prints one closing line "N passed, N failed" summed over every suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `npm test: ${CHROMIUM} is missing; install Debian's chromium (apt-get install chromium) for the browser tests.`,
    );
    return false;
  }
  console.log('npm test: installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  return install.status === 0 && fs.existsSync(CHROMIUM);
}

function runSuite(projects, extraArgs = []) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'diops-report-')), 'report.json');
  const args = [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extraArgs,
  ];
  const result = spawnSync(vitest, args, { stdio: 'inherit', cwd: root, env: process.env });
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(report)) {
    const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed = summary.numPassedTests ?? 0;
    failed = summary.numFailedTests ?? 0;
  }
  if (result.status !== 0 && failed === 0) failed = 1;
  return { passed, failed, ok: result.status === 0 };
}

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const suites = only ? only.split(',') : ['unit', 'integration', 'e2e'];
let passed = 0;
let failed = 0;
const fast = suites.filter((s) => s !== 'e2e');
if (fast.length > 0) {
  const r = runSuite(fast);
  passed += r.passed;
  failed += r.failed;
}
if (suites.includes('e2e')) {
  if (ensureChromium()) {
    const r = runSuite(['e2e']);
    passed += r.passed;
    failed += r.failed;
  } else {
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
