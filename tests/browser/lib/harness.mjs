// A tiny sequential test runner: test files register tests here; run-tests.mjs runs them one at a time (two
// cores: one browser, one server) and counts passed / failed / skipped honestly.
import assert from 'node:assert/strict';

/** @typedef {{name: string, file: string, fn: (t: any) => Promise<void>, skip?: string|boolean, timeout?: number, spa?: boolean}} TestCase */

/** @type {TestCase[]} */
export const registry = [];
let currentFile = '';
export function setCurrentFile(file) { currentFile = file; }

/**
 * Registers a test.
 * @param {string} name
 * @param {(t: import('./fixture.mjs').Fixture) => Promise<void>} fn
 * @param {{skip?: string|boolean, timeout?: number, spa?: boolean}} [opts] spa: false for a test that needs no SPA
 */
export function test(name, fn, opts = {}) {
  registry.push({ name, file: currentFile, fn, ...opts });
}

/**
 * Polls until fn answers truthy (returns that) or the time runs out (throws, with the last value seen).
 * @template T
 * @param {() => Promise<T>|T} fn
 * @param {{timeout?: number, interval?: number, message?: string}} [opts]
 * @returns {Promise<T>}
 */
export async function waitFor(fn, opts = {}) {
  const deadline = Date.now() + (opts.timeout ?? 10_000);
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? ` (last error: ${lastError.message})` : ` (last value: ${JSON.stringify(last)})`;
      throw new Error(`${opts.message ?? 'condition'} not met within ${opts.timeout ?? 10_000} ms${seen}`);
    }
    await new Promise((r) => setTimeout(r, opts.interval ?? 100));
  }
}

/** Waits until a polled value equals the expected one (deep), failing with both. */
export async function waitForEqual(fn, expected, opts = {}) {
  let last;
  try {
    await waitFor(async () => {
      last = await fn();
      try {
        assert.deepEqual(last, expected);
        return true;
      } catch {
        return false;
      }
    }, opts);
  } catch {
    throw new Error(`${opts.message ?? 'value'}: expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)} after ${opts.timeout ?? 10_000} ms`);
  }
}

export { assert };
