// `npm test`: typecheck, lint, then every test suite; says plainly which suites were skipped and how to enable them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skipped = [];
if (!process.env.TEST_DATABASE_URL) {
  skipped.push({
    what: 'PostgreSQL runs of the data tests (TEST_DATABASE_URL is not set)',
    enable: 'TEST_DATABASE_URL=postgres://USER@127.0.0.1:5432/postgres npm test',
  });
}
if (!existsSync(chromium)) {
  skipped.push({ what: `browser end-to-end tests (no Chromium at ${chromium})`, enable: 'apt-get install -y chromium && npm test' });
}

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('typecheck (web)', 'npx', ['tsc', '--noEmit', '-p', 'web/tsconfig.json']);
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);

const reportDir = mkdtempSync(join(tmpdir(), 'scohub-test-'));
const report = join(reportDir, 'vitest.json');
console.log('\n▶ tests');
const tests = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit' });
const summary = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
rmSync(reportDir, { recursive: true, force: true });

for (const { what, enable } of skipped) console.log(`\nSkipped: ${what}.\n  Enable with: ${enable}\n  (or run everything as CI does: bash .ci/run)`);
if (summary) {
  const skippedTests = summary.numPendingTests + summary.numTodoTests;
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skippedTests} skipped`);
}
if (process.env.CI === 'true' && skipped.length > 0) {
  console.error('CI must run every suite, but some were skipped.');
  process.exit(1);
}
process.exit(tests.status ?? 1);
