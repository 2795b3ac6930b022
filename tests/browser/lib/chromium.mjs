// Debian's chromium is the browser (playwright-core downloads none). Installed here when missing.
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';
import { run } from './proc.mjs';

export async function ensureChromium() {
  if (fs.existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${chromiumPath} is missing and this is not root, so it cannot be installed here: run ` +
        '`sudo apt-get update && sudo apt-get install -y chromium` (Debian\'s package; no browser is downloaded).',
    );
  }
  console.error('browser tests: installing Debian\'s chromium (apt-get install -y chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, inherit: true });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, inherit: true });
  if (!fs.existsSync(chromiumPath)) throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing`);
}

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
