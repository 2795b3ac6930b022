// Everything the suite and the benchmark run against: chromium, the SPA build, PostgreSQL, the server, a browser.
import { ensureChromium, launchBrowser } from './chromium.mjs';
import { startPostgres } from './postgres.mjs';
import { ensureServerBuilt, startServer } from './server.mjs';
import { ensureSpaBuilt } from './spa.mjs';

/**
 * Starts the stack. Each started part registers its stop in `teardown` (run them last-first), so that a
 * failure half-way still stops what did start.
 * @param {Array<() => Promise<void>>} teardown
 * @returns {Promise<{baseUrl: string, browser: import('playwright-core').Browser, spaError: Error|null, servesSpa: boolean}>}
 */
export async function startStack(teardown) {
  await ensureChromium();
  // Against an app that already runs (e.g. infra/run.sh): no build, no database or server of our own.
  const given = process.env.QUALCODER_BROWSER_BASE_URL;
  if (given) {
    const browser = await launchBrowser();
    teardown.push(() => browser.close());
    return { baseUrl: given.replace(/\/$/, ''), browser, spaError: null, servesSpa: true };
  }
  await ensureServerBuilt();
  /** @type {Error|null} */
  let spaError = null;
  // A broken SPA build fails the UI tests, not the harness's own check: its failures then say which part broke.
  await ensureSpaBuilt().catch((e) => (spaError = e));
  const pg = await startPostgres();
  teardown.push(pg.stop);
  const server = await startServer(pg.connectionString);
  teardown.push(server.stop);
  const browser = await launchBrowser();
  teardown.push(() => browser.close());
  const home = await fetch(`${server.baseUrl}/`).catch(() => null);
  const servesSpa = !!home?.ok && (home.headers.get('content-type') ?? '').includes('text/html');
  if (!servesSpa) {
    console.log(`WARNING: GET / answered ${home?.status ?? 'nothing'} (${home?.headers.get('content-type') ?? '-'}), not the SPA: ` +
      'does the server honour QualCoder__WebRoot yet? Every UI step will fail.');
  }
  return { baseUrl: server.baseUrl, browser, spaError, servesSpa };
}

/** Runs teardown steps last-first, reporting (not throwing) their errors. */
export async function runTeardown(teardown) {
  while (teardown.length) {
    const step = teardown.pop();
    try {
      await step?.();
    } catch (e) {
      console.error(`teardown: ${e.message}`);
    }
  }
}
