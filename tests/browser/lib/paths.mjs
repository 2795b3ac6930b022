// Where things are: the checkout, the results folder, the server's Release build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const browserDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(browserDir, '..', '..');
export const webDir = path.join(repoRoot, 'web');
export const serverDll = path.join(repoRoot, 'src/QualCoder.Server/bin/Release/net10.0/QualCoder.Server.dll');
export const resultsDir = path.resolve(process.env.QUALCODER_TEST_RESULTS || path.join(repoRoot, '.data/test-results'));
export const screenshotsDir = path.join(resultsDir, 'screenshots');
export const chromiumPath = '/usr/bin/chromium';
