// What each test gets: the server's address, the shared browser, fresh contexts it closes after the test,
// API clients, screenshots and the accessibility check.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Api, person, signedInApi } from './api.mjs';
import { screenshotsDir } from './paths.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function safeName(text) {
  return text.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '').slice(0, 100);
}

export class Fixture {
  /** @param {{baseUrl: string, browser: import('playwright-core').Browser, testName: string}} opts */
  constructor({ baseUrl, browser, testName }) {
    this.baseUrl = baseUrl;
    this.browser = browser;
    this.testName = testName;
    /** @type {import('playwright-core').BrowserContext[]} */
    this.contexts = [];
    /** What the pages said on their consoles (errors) and threw: shown when the test fails. */
    this.pageLog = [];
  }

  person(label) { return person(label); }
  api(opts) { return new Api(this.baseUrl, opts); }
  /** Registers someone through the API; the client is signed in. */
  registered(who) { return signedInApi(this.baseUrl, who); }

  /**
   * A fresh browser context (own cookies), optionally signed in as an API client's account.
   * @param {{baseURL?: string, as?: Api, viewport?: {width: number, height: number}}} [opts]
   */
  async newContext(opts = {}) {
    const baseURL = opts.baseURL ?? this.baseUrl;
    const context = await this.browser.newContext({ baseURL, viewport: opts.viewport ?? { width: 1366, height: 900 } });
    context.setDefaultTimeout(10_000);
    this.contexts.push(context);
    if (opts.as) await context.addCookies(opts.as.playwrightCookies(baseURL));
    const label = `context ${this.contexts.length}`;
    context.on('page', (page) => {
      page.on('pageerror', (e) => this.pageLog.push(`[${label}] page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') this.pageLog.push(`[${label}] console: ${m.text()}`);
      });
    });
    return context;
  }

  /** A new page in a new context. */
  async newPage(opts = {}) {
    const context = await this.newContext(opts);
    return context.newPage();
  }

  /** Saves a screenshot of a main screen under screenshots/<name>.png. */
  async screenshot(page, name) {
    fs.mkdirSync(screenshotsDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotsDir, `${safeName(name)}.png`), fullPage: false });
  }

  /**
   * Runs axe-core on the page and fails on any violation of impact "serious" or "critical", listing them.
   * @param {import('playwright-core').Page} page @param {string} screen
   */
  async checkAccessibility(page, screen) {
    // Evaluated rather than added as a script tag: the app's Content-Security-Policy rightly blocks inline scripts.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      // @ts-ignore axe is the script just evaluated
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}\n        ${n.html.slice(0, 300)}`),
        count: v.nodes.length,
      }));
    });
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = violations.filter((v) => !bad.includes(v));
    if (minor.length) console.log(`    axe (${screen}): ${minor.length} minor/moderate: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
    if (bad.length) {
      const lines = bad.map((v) => `  - ${v.id} [${v.impact}] ${v.help} (${v.count} node(s))\n${v.nodes.map((n) => `      ${n}`).join('\n')}`);
      throw new Error(`axe found ${bad.length} serious/critical violation(s) on ${screen}:\n${lines.join('\n')}`);
    }
  }

  /** Screenshots every open page (on failure), then closes every context this test opened. */
  async close(failed) {
    if (failed) {
      let n = 0;
      for (const context of this.contexts) {
        for (const page of context.pages()) {
          n++;
          try {
            await this.screenshot(page, `FAILED-${this.testName}${n > 1 ? `-${n}` : ''}`);
          } catch {
            /* the page may be gone */
          }
        }
      }
    }
    await Promise.allSettled(this.contexts.map((c) => c.close()));
    this.contexts = [];
  }
}
