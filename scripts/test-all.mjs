#!/usr/bin/env node
// `npm test`: unit, integration and e2e suites in turn, each runner's own summary, then one line summing all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);
const only = process.argv.slice(2);

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The fewest tests each suite collects today: fewer means a file stopped being collected (a rename, a broken
 * import, a glob that no longer matches), which must fail the run rather than pass quietly. Raise with new tests.
 */
const FLOORS = { unit: 1730, integration: 318, 'engine 26.1': 156, e2e: 114 };

/** Every skipped test, with its reason where the runner records one, for the summary. */
const skips = [];

function vitestSkips(name, report) {
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skips.push(`${name}: ${t.fullName ?? t.title} (${relative(root, file.name)})`);
    }
  }
}

function playwrightSkips(suite) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status !== 'skipped') continue;
      const reason = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((r) => r.annotations ?? [])].find((a) => a.type === 'skip')?.description;
      skips.push(`e2e: ${spec.title}${reason ? ` — ${reason}` : ''}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightSkips(child);
}

function vitestSuite(project, { name = project, files = [], env = {} } = {}) {
  const out = join(results, `${name}.json`);
  rmSync(out, { force: true });
  const code = run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...files], env);
  const report = readJson(out);
  if (!report) return { name, passed: 0, failed: 0, skipped: 0, broken: true, code };
  vitestSkips(name, report);
  return {
    name,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    broken: code !== 0 && report.numFailedTests === 0,
    code,
  };
}

function playwrightSuite() {
  const out = join(results, 'e2e.json');
  rmSync(out, { force: true });
  const code = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const report = readJson(out);
  if (!report?.stats) return { name: 'e2e', passed: 0, failed: 0, skipped: 0, broken: true, code };
  for (const suite of report.suites ?? []) playwrightSkips(suite);
  const s = report.stats;
  return { name: 'e2e', passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped, broken: code !== 0 && s.unexpected === 0, code };
}

const suites = [];
// Integration (web mode as another user) and e2e run the built app: build it once, first.
if (only.length === 0 || only.includes('integration') || only.includes('e2e')) {
  const build = run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  if (build !== 0) suites.push({ name: 'build', passed: 0, failed: 0, skipped: 0, broken: true, code: build });
}
if (only.length === 0 || only.includes('unit')) suites.push(vitestSuite('unit'));
if (only.length === 0 || only.includes('integration')) suites.push(vitestSuite('integration'));
// The second engine (Debian 13's dockerd 26.1, fetched into a cache by the harness): every parity test against the
// CLI and every daemon.json test again, where API versions and `dockerd --validate` differ.
const SECOND_ENGINE_FILES = ['test/integration/images-list-vs-cli.test.ts', 'test/integration/format-vs-docker-cli.test.ts', 'test/integration/disk-usage-vs-cli.test.ts', 'test/integration/cleanup-df-vs-cli.test.ts', 'test/integration/cleanup-build-cache.test.ts', 'test/integration/cleanup-freed-space.test.ts', 'test/integration/container-logs.test.ts', 'test/integration/engines-contexts-vs-cli.test.ts', 'test/integration/registry-mirrors-', 'test/integration/privilege-real-pkexec.test.ts', 'test/integration/compose-'];
if (only.length === 0 || only.includes('engine26')) {
  suites.push(vitestSuite('integration', { name: 'engine 26.1', files: SECOND_ENGINE_FILES, env: { WHARF_TEST_ENGINE: '26.1' } }));
}
if (only.length === 0 || only.includes('e2e')) suites.push(playwrightSuite());

console.log('\n== summary ==');
for (const s of suites) {
  const floor = FLOORS[s.name];
  const collected = s.passed + s.failed + s.skipped;
  if (!s.broken && floor !== undefined && collected < floor) {
    s.broken = true;
    s.why = `only ${collected} tests collected, fewer than the ${floor} this suite has: a file stopped being collected`;
  }
  const note = s.broken ? `  ← ${s.why ?? `the suite itself failed (exit ${s.code}): see its output above`}` : '';
  console.log(`${s.name.padEnd(12)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${note}`);
}
const sum = (k) => suites.reduce((n, s) => n + s[k], 0);
// A suite that could not run at all counts as one failure, so it can never look green.
const failed = sum('failed') + suites.filter((s) => s.broken).length;
for (const skip of skips) console.log(`skipped: ${skip}`);
console.log(`tests: ${sum('passed')} passed, ${failed} failed, ${sum('skipped')} skipped`);
process.exit(failed > 0 || !existsSync(results) ? 1 : 0);
