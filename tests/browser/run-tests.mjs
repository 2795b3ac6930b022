// The browser suite: sets up once (chromium, SPA build, PostgreSQL, server, browser), runs every tests/*.test.mjs
// one test at a time, and writes $QUALCODER_TEST_RESULTS/browser.json = {passed, failed, skipped}.
//
// Usage: npm test [-- <substring of test names>...]
// Env:   QUALCODER_TEST_RESULTS  results folder (default <repo>/.data/test-results)
//        QUALCODER_TEST_POSTGRES a PostgreSQL connection string (a database is created on it); else infra/postgres.sh
//        QUALCODER_BROWSER_BASE_URL test an app that already runs there instead (no build, database or server)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Fixture } from './lib/fixture.mjs';
import { registry, setCurrentFile } from './lib/harness.mjs';
import { browserDir, resultsDir, screenshotsDir } from './lib/paths.mjs';
import { runTeardown, startStack } from './lib/stack.mjs';

const resultsFile = path.join(resultsDir, 'browser.json');
const filters = process.argv.slice(2);
const counts = { passed: 0, failed: 0, skipped: 0 };
/** @type {Array<() => Promise<void>>} */
const teardown = [];
let finished = 0;
let selected = [];

fs.mkdirSync(resultsDir, { recursive: true });
// A stale file would be counted for this run if it crashed before writing its own.
fs.rmSync(resultsFile, { force: true });
// Screenshots of an earlier run would pass for this one's.
fs.rmSync(screenshotsDir, { recursive: true, force: true });

function writeResults() {
  fs.writeFileSync(resultsFile, JSON.stringify(counts) + '\n');
}

// A crash mid-run still leaves a truthful file: every test that has not passed or been skipped counts as failed.
let crashing = false;
async function crash(reason) {
  if (crashing) return;
  crashing = true;
  console.error(`browser tests: crashed: ${reason?.stack ?? reason}`);
  counts.failed += selected.length ? selected.length - finished : 1;
  writeResults();
  await runTeardown(teardown);
  process.exit(1);
}
process.on('uncaughtException', crash);
process.on('SIGINT', () => crash('interrupted (SIGINT)'));
process.on('SIGTERM', () => crash('terminated (SIGTERM)'));
// Playwright calls left pending by a test that timed out reject once its contexts close: not a crash.
process.on('unhandledRejection', (e) => console.error(`browser tests: unhandled rejection (ignored): ${e?.message ?? e}`));

// Register the tests first, so that a failed setup can count them.
const testFiles = fs.readdirSync(path.join(browserDir, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort();
try {
  for (const file of testFiles) {
    setCurrentFile(file);
    await import(pathToFileURL(path.join(browserDir, 'tests', file)).href);
  }
} catch (e) {
  await crash(e);
}
selected = registry.filter((t) => !filters.length || filters.some((f) => `${t.file} ${t.name}`.toLowerCase().includes(f.toLowerCase())));
console.log(`browser tests: ${selected.length} test(s) in ${testFiles.length} file(s)${filters.length ? ` matching ${filters.join(', ')}` : ''}`);

let baseUrl;
let browser;
/** @type {Error|null} */
let spaError = null;
try {
  const started = Date.now();
  ({ baseUrl, browser, spaError } = await startStack(teardown));
  if (spaError) console.log(`browser tests: the SPA build failed, so every UI test fails: ${spaError.message}`);
  console.log(`browser tests: server ${baseUrl} ready, setup took ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`browser tests: setup failed: ${e.stack ?? e}`);
  // Nothing could run: every selected test failed (not skipped: a broken setup must not pass).
  counts.failed += selected.length || 1;
  writeResults();
  await runTeardown(teardown);
  process.exit(1);
}

for (const t of selected) {
  if (t.skip) {
    counts.skipped++;
    finished++;
    console.log(`- SKIP ${t.file} › ${t.name}${typeof t.skip === 'string' ? ` (${t.skip})` : ''}`);
    continue;
  }
  const fixture = new Fixture({ baseUrl, browser, testName: `${t.file.replace(/\.test\.mjs$/, '')}-${t.name}` });
  const started = Date.now();
  const timeout = t.timeout ?? 120_000;
  let error = null;
  let timer;
  try {
    if (spaError && t.spa !== false) throw new Error(`the SPA could not be built, so this UI test cannot run: ${spaError.message}`);
    await Promise.race([
      t.fn(fixture),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeout / 1000} s`)), timeout))),
    ]);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }
  await fixture.close(!!error);
  finished++;
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (error) {
    counts.failed++;
    console.log(`✗ FAIL ${t.file} › ${t.name} (${took})`);
    console.log(String(error.stack ?? error).split('\n').map((l) => `    ${l}`).join('\n'));
    if (fixture.pageLog.length) console.log(`    what the pages logged:\n${fixture.pageLog.slice(-15).map((l) => `      ${l}`).join('\n')}`);
  } else {
    counts.passed++;
    console.log(`✓ pass ${t.file} › ${t.name} (${took})`);
  }
}

writeResults();
await runTeardown(teardown);
console.log(`\nbrowser tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${resultsFile})`);
process.exit(counts.failed ? 1 : 0);
